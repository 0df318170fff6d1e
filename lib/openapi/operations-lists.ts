// /api/v1 lists added by later merges that the operation table had missed
// (the table also decides what an API token may call: a missing route was
// refused to every token). Part of `operations` (operations.ts).
import { reviewQueueFilterSchema } from "@/lib/reviews/schemas";

import { pageQuerySchema } from "@/lib/http/pagination";
import type { Operation } from "./types";

const json = (status: number, description: string) => ({ status, description });

export const listOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/annotations",
    tag: "Annotations",
    summary: "The comparison's annotations you may see, oldest first, in pages (`cursor`, `limit`)",
    query: pageQuerySchema,
    success: json(200, "{annotations, nextCursor}"),
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/reviews/queue",
    tag: "Reviews",
    summary: "Annotations by others waiting for a decision, oldest submission first (`comparisonId`, `kind`, `cursor`, `limit`)",
    query: pageQuerySchema.extend(reviewQueueFilterSchema.shape),
    success: json(200, "{items, nextCursor, counts}"),
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/reviews/returned",
    tag: "Reviews",
    summary: "Your annotations sent back or rejected, newest decision first (`cursor`, `limit`)",
    query: pageQuerySchema,
    success: json(200, "{items, nextCursor, total}"),
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/users/{id}/audit",
    tag: "Users",
    summary: "A person's audit trail, a page at a time (admin)",
    query: pageQuerySchema,
    success: json(200, "A page of audit events"),
    scope: null,
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}/sessions",
    tag: "Users",
    summary: "End every session of a person (admin)",
    success: json(204, "Signed out"),
    scope: null,
  },
];
