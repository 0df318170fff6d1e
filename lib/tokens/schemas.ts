import { z } from "@/lib/zod";

// Personal access tokens: what a script may do with one (scopes) and the
// limits of creating one. Pure data, shared by the service, the API
// reference and the settings page.

export const tokenScopes = ["read", "write", "review"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeDescriptions: Record<TokenScope, string> = {
  read: "Read comparisons, sources, annotations and exports (GET requests).",
  write: "Create and change what your role allows: sources, comparisons, annotations, comments, imports, suggestions, assessments.",
  review: "Review decisions on other people's annotations and assessments, and report sign-offs (reviewers and admins).",
};

export const MAX_TOKEN_NAME = 100;
export const MAX_TOKEN_DAYS = 366;
export const MAX_TOKENS_PER_USER = 50;

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Name the token (what script uses it).").max(MAX_TOKEN_NAME, `At most ${MAX_TOKEN_NAME} characters.`),
    scopes: z
      .array(z.enum(tokenScopes, { error: "Scopes are read, write and review." }))
      .min(1, "Choose at least one scope.")
      .transform((list) => [...new Set(list)]),
    expiresAt: z.iso.datetime({ offset: true, error: "Give the expiry as an ISO date-time, e.g. 2027-06-30T00:00:00Z." }),
  })
  .strict();

export type CreateTokenInput = z.input<typeof createTokenSchema>;
