import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { annotationSelect, toAnnotationView, type AnnotationView } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateKey, keysetAfter, keysetOrder, parsePageRequest, toPage, type PageInput, type Paged } from "@/lib/http/pagination";
import { assertId, type UntrustedInput } from "@/lib/validation";

// The annotations of one comparison for API clients, oldest first, in cursor
// pages. (The workbench loads a comparison whole through getComparison.)

export async function listComparisonAnnotations(
  actor: Actor,
  comparisonId: string,
  page?: PageInput | UntrustedInput,
): Promise<Paged<AnnotationView>> {
  assertPermission(actor, "comparison.read");
  const id = assertId(comparisonId, "comparison");
  const { limit, after } = parsePageRequest(page);
  const [comparison, rows] = await Promise.all([
    db.comparison.findUnique({ where: { id }, select: { id: true } }),
    db.annotation.findMany({
      where: {
        AND: [
          { comparisonId: id },
          visibleAnnotationsWhere(actor),
          keysetAfter<Prisma.AnnotationWhereInput, Date>("createdAt", "asc", after, dateKey) ?? {},
        ],
      },
      select: annotationSelect,
      orderBy: keysetOrder<Prisma.AnnotationOrderByWithRelationInput>("createdAt", "asc"),
      take: limit + 1,
    }),
  ]);
  if (!comparison) throw new AppError("not_found", "No comparison with this id.");
  const { items, nextCursor } = toPage(rows, limit, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  return { items: items.map(toAnnotationView), nextCursor };
}
