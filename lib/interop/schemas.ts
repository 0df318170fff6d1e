import { z } from "zod";

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/interop/w3c/collection";

const integerParam = (field: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${field} must be a whole number.` })
    .int(`${field} must be a whole number.`)
    .min(min, `${field} must be at least ${min}.`)
    .max(max, `${field} must be at most ${max}.`);

/** Query of GET /api/v1/comparisons/:id/annotations.jsonld */
export const w3cQuerySchema = z.object({
  page: integerParam("page", 0, 1_000_000).optional(),
  pageSize: integerParam("pageSize", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type W3cQuery = z.input<typeof w3cQuerySchema>;
