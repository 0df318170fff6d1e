import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { annotationKinds } from "@/lib/annotations/schemas";
import { reviewDecisions } from "@/lib/annotations/state";

export const MAX_REVIEW_COMMENT = 5_000;

export const reviewInputSchema = z.object({
  decision: z.enum(reviewDecisions),
  comment: safeText().trim().max(MAX_REVIEW_COMMENT, `At most ${MAX_REVIEW_COMMENT} characters.`).optional(),
  version: z.number().int().positive(),
});

export const reviewQueueFilterSchema = z.object({
  comparisonId: z.string().uuid().optional(),
  kind: z.enum(annotationKinds).optional(),
});

export type ReviewInput = z.input<typeof reviewInputSchema>;
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;
