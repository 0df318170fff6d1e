import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { sourceInputSchema } from "@/lib/sources/schemas";

export const MAX_COMPARISON_TITLE = 300;
export const MAX_QUESTION = 2_000;

const title = safeText()
  .trim()
  .min(1, "Give the comparison a title.")
  .max(MAX_COMPARISON_TITLE, `At most ${MAX_COMPARISON_TITLE} characters.`);
const question = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  safeText().trim().max(MAX_QUESTION, `At most ${MAX_QUESTION} characters.`).nullable().optional(),
);

/**
 * Each side is an existing source (`leftSourceId`) or a new one to import
 * (`left`), so a comparison and its new sources are created in one transaction.
 */
export const createComparisonSchema = z.object({
  title,
  question,
  leftSourceId: z.string().uuid("must be a source id").optional(),
  rightSourceId: z.string().uuid("must be a source id").optional(),
  left: sourceInputSchema.optional(),
  right: sourceInputSchema.optional(),
});
export type CreateComparisonInput = z.input<typeof createComparisonSchema>;

export const updateComparisonSchema = z
  .object({ title: title.optional(), question, archived: z.boolean().optional() })
  .strict()
  .refine(
    (value) => value.title !== undefined || value.question !== undefined || value.archived !== undefined,
    "Change the title, the question or the archived state.",
  );
export type UpdateComparisonInput = z.input<typeof updateComparisonSchema>;
