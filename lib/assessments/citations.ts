import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";

// The findings an assessment cites must be annotations of the same comparison
// that the writer can see. A submitted assessment must rest on at least one
// finding, and not on a draft (reviewers cannot see it) or a rejected one.

export async function checkCitations(
  tx: Tx,
  actor: Actor,
  comparisonId: string,
  annotationIds: string[],
  options: { isSubmitting: boolean },
): Promise<string[]> {
  if (options.isSubmitting && annotationIds.length === 0) {
    throw new AppError("unprocessable", "Cite at least one finding that supports the judgment before submitting.", {
      errors: { annotationIds: "Cite at least one finding." },
    });
  }
  const found = await tx.annotation.findMany({
    where: { id: { in: annotationIds }, comparisonId, ...visibleAnnotationsWhere(actor) },
    select: { id: true, status: true },
  });
  const statusOf = new Map(found.map((row) => [row.id, row.status]));
  const errors: FieldErrors = {};
  annotationIds.forEach((id, index) => {
    const status = statusOf.get(id);
    if (!status) errors[`annotationIds.${index}`] = "Not a finding of this comparison.";
    else if (options.isSubmitting && status === "draft")
      errors[`annotationIds.${index}`] = "This finding is still a draft: submit it first.";
    else if (options.isSubmitting && status === "rejected") errors[`annotationIds.${index}`] = "This finding was rejected; cite another.";
  });
  const first = Object.values(errors)[0];
  if (first) throw new AppError("unprocessable", `Cited findings: ${first}`, { errors });
  return annotationIds;
}
