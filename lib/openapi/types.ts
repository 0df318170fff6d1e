import type { z } from "@/lib/zod";

import type { TokenScope } from "@/lib/tokens/schemas";

export type HttpMethod = "get" | "post" | "patch" | "put" | "delete";

/** One documented /api/v1 operation. */
export type Operation = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/v1/comparisons/{id}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  body?: { schema: z.ZodType; contentType?: string; description?: string; maxBytes?: number };
  query?: z.ZodObject;
  success: { status: number; description: string; contentType?: string };
  /** Statuses beyond the ones every operation can answer. */
  errors?: number[];
  /** What a bearer token needs; null: cookie session only (user and token management, the archive). */
  scope: TokenScope | null;
  isPublic?: boolean;
};
