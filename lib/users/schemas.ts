import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { passwordProblem } from "@/lib/auth/password-policy";
import { roles } from "@/lib/auth/permissions";

export { MIN_PASSWORD } from "@/lib/auth/password-policy";

/** lib/auth/password-policy.ts: 12 characters or more, not a common password. */
export const passwordSchema = z.string().superRefine((password, context) => {
  const problem = passwordProblem(password);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(320),
  name: safeText().trim().min(1, "Enter a name.").max(120),
  role: z.enum(roles),
  password: passwordSchema,
});

export const updateUserSchema = z
  .object({
    name: safeText().trim().min(1).max(120).optional(),
    role: z.enum(roles).optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
