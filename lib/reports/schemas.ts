import { z } from "@/lib/zod";

import { reportScopes } from "@/lib/reports/types";

export const reportScopeSchema = z.enum(reportScopes, { error: 'scope must be "approved" or "all".' });

/** Query string of GET /api/v1/comparisons/:id/report.pdf */
export const reportQuerySchema = z.object({ scope: reportScopeSchema.default("approved") });
