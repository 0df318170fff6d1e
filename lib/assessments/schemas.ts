import { z } from "@/lib/zod";

import { reviewDecisions } from "@/lib/annotations/state";
import { analyticConfidences, likelihoods, MAX_CITED_FINDINGS, MAX_JUDGMENT } from "@/lib/assessments/scale";
import { MAX_REVIEW_COMMENT } from "@/lib/reviews/schemas";

const judgment = z
  .string({ error: "Write the key judgment." })
  .trim()
  .min(1, "Write the key judgment.")
  .max(MAX_JUDGMENT, `At most ${MAX_JUDGMENT} characters.`);

const annotationIds = z
  .array(z.string().uuid("must be an annotation id").toLowerCase(), { error: "List the findings it cites (annotation ids)." })
  .max(MAX_CITED_FINDINGS, `Cite at most ${MAX_CITED_FINDINGS} findings.`)
  .refine((ids) => new Set(ids).size === ids.length, "Cite each finding once.");

/** PUT /comparisons/:id/assessment: the whole assessment; `version` once it exists. */
export const putAssessmentSchema = z
  .object({
    judgment,
    likelihood: z.enum(likelihoods, { error: `Use one of: ${likelihoods.join(", ")}.` }),
    confidence: z.enum(analyticConfidences, { error: "Use low, moderate or high." }),
    annotationIds: annotationIds.default([]),
    version: z.number().int().positive().optional(),
    /** Save, then submit for review, in one transaction. */
    submit: z.boolean().default(false),
  })
  .strict();
export type PutAssessmentInput = z.input<typeof putAssessmentSchema>;

export const assessmentVersionSchema = z.object({ version: z.number({ error: "Give the version you saw." }).int().positive() });

export const assessmentReviewSchema = z.object({
  decision: z.enum(reviewDecisions),
  comment: z.string().trim().max(MAX_REVIEW_COMMENT, `At most ${MAX_REVIEW_COMMENT} characters.`).optional(),
  version: z.number().int().positive(),
});
export type AssessmentReviewInput = z.input<typeof assessmentReviewSchema>;
