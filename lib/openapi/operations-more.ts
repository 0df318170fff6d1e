// /api/v1 operations added with paging, two-factor and the admin's page of a
// person: the paged lists of annotations and reviews, the signed-in user's
// two-factor, and an admin's actions on one account. Part of `operations`.
import { z } from "@/lib/zod";

import { disableTwoFactorSchema, enableTwoFactorSchema } from "@/lib/auth/two-factor-schemas";
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX } from "@/lib/http/pagination";
import { reviewQueueFilterSchema } from "@/lib/reviews/schemas";

import type { Operation } from "./types";

const json = (status: number, description: string) => ({ status, description });

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

export const moreOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/comparisons/{id}/annotations",
    tag: "Annotations",
    summary: "The annotations you may see, oldest first, a page at a time",
    query: pageQuerySchema,
    success: json(200, "{annotations, nextCursor}"),
    scope: "read",
  },
  {
    method: "get",
    path: "/api/v1/reviews/queue",
    tag: "Reviews",
    summary: "Annotations by others waiting for your decision, oldest submission first",
    query: pageQuerySchema.extend(reviewQueueFilterSchema.shape),
    success: json(200, "{items, nextCursor}"),
    scope: "review",
  },
  {
    method: "get",
    path: "/api/v1/reviews/returned",
    tag: "Reviews",
    summary: "Your annotations sent back or rejected, newest decision first",
    query: pageQuerySchema,
    success: json(200, "{items, nextCursor, total}"),
    scope: "read",
  },
  // Two-factor of the signed-in user: cookie session only.
  {
    method: "get",
    path: "/api/v1/account/two-factor",
    tag: "Account",
    summary: "Whether two-factor is on, and how many recovery codes are left",
    success: json(200, "{enabled, recoveryCodesLeft}"),
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor/setup",
    tag: "Account",
    summary: "Start two-factor enrolment: a new pending secret and its QR code",
    success: json(200, "{secret, uri, qrSvg}"),
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor",
    tag: "Account",
    summary: "Confirm enrolment with a code; the recovery codes are shown this once",
    body: { schema: enableTwoFactorSchema },
    success: json(200, "{recoveryCodes}"),
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor/disable",
    tag: "Account",
    summary: "Turn two-factor off (password and a code)",
    body: { schema: disableTwoFactorSchema },
    success: json(204, "Turned off"),
    scope: null,
  },
  // An admin's actions on one account: cookie session only.
  {
    method: "get",
    path: "/api/v1/users/{id}/audit",
    tag: "Users",
    summary: "A person's audit trail, newest first, a page at a time (admin)",
    query: pageQuerySchema,
    success: json(200, "{items, nextCursor}"),
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
  {
    method: "delete",
    path: "/api/v1/users/{id}/two-factor",
    tag: "Users",
    summary: "Reset a person's two-factor, e.g. after a lost device (admin, audited)",
    success: json(204, "Reset"),
    scope: null,
  },
];
