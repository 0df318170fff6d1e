import { isCalendarDate } from "@/lib/calendar-date";
import { isLanguageTag } from "@/lib/sources/language";
import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

// Input shapes for sources. Empty strings from forms mean "not given".

export const MAX_TEXT_CHARS = 500_000;
export const MAX_TITLE = 300;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const optionalString = (max: number) => z.preprocess(blankToUndefined, safeText().trim().max(max, `At most ${max} characters.`).optional());

const httpUrl = z
  .string()
  .trim()
  .max(2048, "At most 2048 characters.")
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "Give an http:// or https:// address.");

const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}/, "Use the form YYYY-MM-DD.")
  .transform((value) => value.slice(0, 10))
  .refine(isCalendarDate, "No such date: check the year, month and day.");

const language = z.string().trim().refine(isLanguageTag, "Use a language code such as en, fr or pt-BR.");

export const sourceMetadataShape = {
  title: optionalString(MAX_TITLE),
  outlet: optionalString(200),
  author: optionalString(200),
  url: z.preprocess(blankToUndefined, httpUrl.optional()),
  publishedAt: z.preprocess(blankToUndefined, date.optional()),
  language: z.preprocess(blankToUndefined, language.optional()),
};

// Raw content is bounded by the request body limit; the 5 MB / 500,000-character
// limits are checked after decoding and cleaning so they answer 413, not 400.
export const sourceContentShape = {
  text: z.string().optional(),
  html: z.string().optional(),
  markdown: z.string().optional(),
  file: z.object({ name: z.string().min(1).max(255), type: z.string().max(200).optional(), content: z.string() }).optional(),
};

export const sourceInputSchema = z.object({ ...sourceMetadataShape, ...sourceContentShape });
export type SourceInput = z.input<typeof sourceInputSchema>;
export type ParsedSourceInput = z.output<typeof sourceInputSchema>;

const nullable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), schema.nullable().optional());

export const updateSourceSchema = z
  .object({
    title: safeText().trim().min(1, "Give the source a title.").max(MAX_TITLE).optional(),
    outlet: nullable(safeText().trim().max(200)),
    author: nullable(safeText().trim().max(200)),
    url: nullable(httpUrl),
    publishedAt: nullable(date),
    language: language.optional(),
    ...sourceContentShape,
  })
  .strict();
export type UpdateSourceInput = z.input<typeof updateSourceSchema>;
