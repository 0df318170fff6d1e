import { z } from "@/lib/zod";

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

const truthy = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : value),
  z.enum(["true", "false", "1", "0"], { error: "dryRun must be true or false." }).optional(),
);

/** Query of POST /api/v1/comparisons/:id/imports (the body is the file itself). */
export const importQuerySchema = z.object({
  dryRun: truthy.transform((value) => value === "true" || value === "1"),
  format: z.enum(["auto", "w3c", "hypothesis"], { error: "format must be auto, w3c or hypothesis." }).default("auto"),
  /** Fuzzy matches are written only when confirmed: "all", or the item numbers (0-based) a person checked. */
  confirm: z
    .string()
    .trim()
    .max(40_000)
    .regex(/^(all|none|\d+(,\d+)*)?$/, 'confirm must be "all", "none" or item numbers such as 0,3,7.')
    .default("none")
    .transform((value): "all" | number[] =>
      value === "all" ? "all" : value === "none" || value === "" ? [] : value.split(",").map(Number),
    ),
});
export type ImportQuery = z.input<typeof importQuerySchema>;
