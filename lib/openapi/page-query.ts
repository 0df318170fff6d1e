// The query of every paged list (lib/http/pagination.ts), as the OpenAPI document describes it.
import { z } from "@/lib/zod";

import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "@/lib/http/pagination";

/** `cursor` and `limit` of every paged list (lib/http/pagination.ts). */
export const pageQuerySchema = z.object({
  cursor: z.string().optional().describe("The `nextCursor` of the previous page; absent for the first page"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PAGE_LIMIT_MAX)
    .optional()
    .describe(`Items per page (default ${PAGE_LIMIT_DEFAULT}, at most ${PAGE_LIMIT_MAX})`),
});
