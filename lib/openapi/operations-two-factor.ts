// The /api/v1 operations of two-factor authentication: your own enrolment
// (cookie session only) and an admin's reset. Part of `operations` (operations.ts).
import { disableTwoFactorSchema, enableTwoFactorSchema, regenerateRecoveryCodesSchema } from "@/lib/auth/two-factor-schemas";

import type { Operation } from "./types";

const json = (status: number, description: string) => ({ status, description });

export const twoFactorOperations: Operation[] = [
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
    summary: "Start (or restart) enrolment: a pending secret and its QR code",
    success: json(200, "{secret, uri, qrSvg}"),
    errors: [409],
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor",
    tag: "Account",
    summary: "Confirm enrolment with a code; other sessions end; the recovery codes, this once",
    body: { schema: enableTwoFactorSchema },
    success: json(200, "{recoveryCodes}"),
    errors: [409],
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor/disable",
    tag: "Account",
    summary: "Turn two-factor off (password and a code); other sessions end",
    body: { schema: disableTwoFactorSchema },
    success: json(204, "Turned off"),
    errors: [409],
    scope: null,
  },
  {
    method: "post",
    path: "/api/v1/account/two-factor/recovery-codes",
    tag: "Account",
    summary: "New recovery codes (password and a current code from the app); the old ones stop working",
    body: { schema: regenerateRecoveryCodesSchema },
    success: json(200, "{recoveryCodes}, this once"),
    errors: [409],
    scope: null,
  },
  {
    method: "delete",
    path: "/api/v1/users/{id}/two-factor",
    tag: "Users",
    summary: "Reset a person's two-factor (admin; their sessions end)",
    success: json(204, "Reset"),
    errors: [409],
    scope: null,
  },
];
