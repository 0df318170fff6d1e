import { z } from "@/lib/zod";

// The bodies of the two-factor endpoints: validated by lib/auth/two-factor*.ts,
// described by the OpenAPI document.

const codeField = z.string().trim().min(1, "Enter the code from your authenticator app.").max(32);
const passwordField = z.string().min(1, "Enter your password.").max(1024);

export const enableTwoFactorSchema = z.object({ code: codeField }).strict();
export const disableTwoFactorSchema = z.object({ password: passwordField, code: codeField }).strict();
/** Same fields as turning off, but the code must come from the app: recovery codes are what is replaced. */
export const regenerateRecoveryCodesSchema = z.object({ password: passwordField, code: codeField }).strict();
