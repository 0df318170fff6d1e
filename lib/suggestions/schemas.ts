import { z } from "@/lib/zod";

// What the suggestions API accepts. Query values arrive as strings.

export const suggestionKinds = ["agreement", "contradiction"] as const;
export const MAX_DISMISS_REASON = 500;
export const MAX_LIST = 500;

const sourceId = z
  .string()
  .uuid("must be a source id")
  .transform((id) => id.toLowerCase());

export const listSuggestionsQuerySchema = z
  .object({
    kind: z.enum(suggestionKinds, { error: "must be agreement or contradiction" }).optional(),
    minScore: z.coerce
      .number({ error: "must be a number from 0 to 1" })
      .min(0, "must be a number from 0 to 1")
      .max(1, "must be a number from 0 to 1")
      .optional(),
    sourceA: sourceId.optional(),
    sourceB: sourceId.optional(),
    limit: z.coerce.number().int("must be a whole number").min(1).max(MAX_LIST, `at most ${MAX_LIST}`).default(200),
  })
  .refine((query) => !query.sourceB || query.sourceA, { message: "give sourceA too", path: ["sourceB"] })
  .refine((query) => !query.sourceA || query.sourceA !== query.sourceB, { message: "must differ from sourceA", path: ["sourceB"] });

export const dismissSuggestionSchema = z
  .object({
    reason: z.string().trim().max(MAX_DISMISS_REASON, `At most ${MAX_DISMISS_REASON} characters.`).optional(),
  })
  .strict();

export type ListSuggestionsQuery = z.input<typeof listSuggestionsQuerySchema>;
export type DismissSuggestionInput = z.input<typeof dismissSuggestionSchema>;
