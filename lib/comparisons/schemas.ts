import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { annotationStatuses } from "@/lib/annotations/schemas";
import { MAX_RELIABILITY_NOTE, reliabilityGrades } from "@/lib/comparisons/grades";
import { sourceInputSchema } from "@/lib/sources/schemas";
import { eitherByKey } from "@/lib/validation";

export const MAX_COMPARISON_TITLE = 300;
export const MAX_QUESTION = 2_000;
export const MIN_SOURCES = 2;
export const MAX_SOURCES = 12;
export const MAX_SOURCE_LABEL = 24;

/** Also used by the new-comparison form to validate as you type. */
export const comparisonTitleSchema = safeText()
  .trim()
  .min(1, "Give the comparison a title.")
  .max(MAX_COMPARISON_TITLE, `At most ${MAX_COMPARISON_TITLE} characters.`);
const title = comparisonTitleSchema;
const question = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  safeText().trim().max(MAX_QUESTION, `At most ${MAX_QUESTION} characters.`).nullable().optional(),
);
const sourceId = z.string().uuid("must be a source id").toLowerCase();
/** A short label ("A", "Reuters"); blank clears it back to the position's letter. */
const label = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.string().trim().max(MAX_SOURCE_LABEL, `At most ${MAX_SOURCE_LABEL} characters.`).nullable().optional(),
);

const position = z.number().int("Positions are whole numbers.").min(0, "Positions start at 0.");
export const existingSourceEntrySchema = z.object({ sourceId, label }).strict();
export const newSourceEntrySchema = sourceInputSchema.extend({ label });

/** One entry of a new comparison's source list: an existing source, or a new one imported inline. */
export const comparisonSourceEntrySchema = eitherByKey("sourceId", existingSourceEntrySchema, newSourceEntrySchema);
export type ComparisonSourceEntry = z.output<typeof comparisonSourceEntrySchema>;

const sourceCount = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(MIN_SOURCES, `A comparison needs at least ${MIN_SOURCES} sources.`)
    .max(MAX_SOURCES, `A comparison holds at most ${MAX_SOURCES} sources.`);

/**
 * The sources come either as `sourceIds` (existing sources, in order) or as
 * `sources` (each an existing `{sourceId}` or a new source to import), so a
 * comparison and its new sources are created in one transaction.
 */
export const createComparisonSchema = z
  .object({
    title,
    question,
    sourceIds: sourceCount(sourceId).optional(),
    sources: sourceCount(comparisonSourceEntrySchema).optional(),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.sourceIds && value.sources) {
      context.addIssue({ code: "custom", path: ["sources"], message: "Give either sourceIds or sources, not both." });
    } else if (!value.sourceIds && !value.sources) {
      context.addIssue({ code: "custom", path: ["sourceIds"], message: `Choose at least ${MIN_SOURCES} sources.` });
    }
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

/** POST /comparisons/:id/sources: an existing source or a new one, appended at the end unless a position is given. */
export const addComparisonSourceSchema = eitherByKey(
  "sourceId",
  existingSourceEntrySchema.extend({ position: position.optional() }),
  newSourceEntrySchema.extend({ position: position.optional() }),
);
export type AddComparisonSourceInput = z.input<typeof addComparisonSourceSchema>;

const reliabilityNote = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.string().trim().max(MAX_RELIABILITY_NOTE, `At most ${MAX_RELIABILITY_NOTE} characters.`).nullable().optional(),
);

/** PATCH /comparisons/:id/sources/:sourceId: move, relabel, grade. */
export const updateComparisonSourceSchema = z
  .object({
    position: position.optional(),
    label,
    reliability: z.enum(reliabilityGrades, { error: "Use a reliability grade from A to F." }).nullable().optional(),
    reliabilityNote,
  })
  .strict()
  .refine((value) => Object.values(value).some((field) => field !== undefined), "Change the position, the label or the grade.");
export type UpdateComparisonSourceInput = z.input<typeof updateComparisonSourceSchema>;

/** PATCH /comparisons/:id/sources: the whole order at once. */
export const reorderComparisonSourcesSchema = z.object({ sourceIds: sourceCount(sourceId) }).strict();
export type ReorderComparisonSourcesInput = z.input<typeof reorderComparisonSourcesSchema>;

/** Query string of GET /comparisons/:id/matrix; empty values mean "any". */
export const matrixQuerySchema = z.object({
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["agreement", "contradiction"]).optional()),
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(annotationStatuses).optional()),
  tag: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(50).optional()),
  credibility: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(6).optional()),
  sort: z.enum(["agreement", "position"]).default("position"),
});
export type MatrixQuery = z.input<typeof matrixQuerySchema>;
