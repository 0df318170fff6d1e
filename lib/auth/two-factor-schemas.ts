import { z } from "@/lib/zod";

// Bodies of the two-factor endpoints, shared by the service and the OpenAPI document.

const codeField = z.string().trim().min(1, "Enter the code from your authenticator app.").max(32);

/** POST /api/v1/account/two-factor: confirm enrolment with a code. */
export const enableTwoFactorSchema = z.object({ code: codeField }).strict();

/** POST /api/v1/account/two-factor/disable: password and a code (or a recovery code). */
export const disableTwoFactorSchema = z.object({ password: z.string().min(1, "Enter your password.").max(1024), code: codeField }).strict();
