import "server-only";

import { assessmentSelect, type AssessmentView } from "@/lib/assessments/views";
import { viewFor } from "@/lib/assessments/records";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  dateKey,
  keysetAfterNullable,
  keysetOrderNullable,
  nullableKey,
  parsePageRequest,
  toPage,
  type PageInput,
  type Paged,
} from "@/lib/http/pagination";
import type { UntrustedInput } from "@/lib/validation";

// Assessments in the reviewers' queue and in their authors' "Returned to me",
// in cursor pages (lib/http/pagination.ts) with the list's total.

export type AssessmentQueueItem = AssessmentView & { comparison: { id: string; title: string } };
export type AssessmentQueuePage = Paged<AssessmentQueueItem> & { total: number };

const withComparison = { ...assessmentSelect, comparison: { select: { id: true, title: true } } };

type Key = "submittedAt" | "decidedAt";

async function listPage(
  actor: Actor,
  where: Prisma.AssessmentWhereInput,
  key: Key,
  direction: "asc" | "desc",
  page: PageInput | UntrustedInput | undefined,
): Promise<AssessmentQueuePage> {
  const { limit, after } = parsePageRequest(page);
  const keyset = keysetAfterNullable<Prisma.AssessmentWhereInput, Date>(key, direction, after, dateKey);
  const [rows, total] = await Promise.all([
    db.assessment.findMany({
      where: { AND: [where, keyset ?? {}] },
      select: withComparison,
      orderBy: keysetOrderNullable<Prisma.AssessmentOrderByWithRelationInput>(key, direction),
      take: limit + 1,
    }),
    db.assessment.count({ where }),
  ]);
  const { items, nextCursor } = toPage(rows, limit, (row) => ({ key: nullableKey(row[key]), id: row.id }));
  return { items: items.map(({ comparison, ...row }) => ({ ...viewFor(actor, row), comparison })), nextCursor, total };
}

/** In review, by someone else, oldest submission first. */
export async function listAssessmentsToReview(actor: Actor, page?: PageInput | UntrustedInput): Promise<AssessmentQueuePage> {
  assertPermission(actor, "annotation.review");
  return listPage(actor, { status: "in_review", authorId: { not: actor.id } }, "submittedAt", "asc", page);
}

/** The actor's assessments a reviewer sent back or rejected, newest decision first. */
export async function listReturnedAssessments(actor: Actor, page?: PageInput | UntrustedInput): Promise<AssessmentQueuePage> {
  assertPermission(actor, "annotation.create");
  return listPage(actor, { authorId: actor.id, status: { in: ["changes_requested", "rejected"] } }, "decidedAt", "desc", page);
}
