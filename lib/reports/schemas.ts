import { z } from "@/lib/zod";

import { reportScopes } from "@/lib/reports/types";

export const reportScopeSchema = z.enum(reportScopes, { error: 'scope must be "approved" or "all".' });

/** Query string of GET /api/v1/comparisons/:id/report.pdf and report.docx */
export const reportQuerySchema = z.object({ scope: reportScopeSchema.default("approved") });

export const MAX_SIGNOFF_STATEMENT = 2_000;

/** Body of POST /api/v1/comparisons/:id/signoffs */
export const signoffInputSchema = z
  .object({
    statement: z
      .string({ error: "statement must be text." })
      .trim()
      .max(MAX_SIGNOFF_STATEMENT, `statement must be at most ${MAX_SIGNOFF_STATEMENT} characters.`)
      .optional()
      .transform((value) => value || null),
    includeAuditTrail: z.boolean({ error: "includeAuditTrail must be true or false." }).default(false),
  })
  .strict();
export type SignoffInput = z.input<typeof signoffInputSchema>;
