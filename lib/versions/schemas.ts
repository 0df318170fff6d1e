import { z } from "@/lib/zod";

import { sourceContentShape } from "@/lib/sources/schemas";

// A new version arrives as pasted text, HTML or Markdown, an uploaded file,
// or by re-fetching the source's URL ({refetch: true}).
export const newVersionSchema = z
  .object({ ...sourceContentShape, refetch: z.literal(true, "Send refetch: true to re-fetch the source's URL.").optional() })
  .strict();
export type NewVersionInput = z.input<typeof newVersionSchema>;

/** Version numbers in paths: 1, 2, 3 … */
export const versionNumberSchema = z.coerce.number().int("Not a version number.").min(1, "Not a version number.").max(1_000_000);
