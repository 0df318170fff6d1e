import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { roles } from "@/lib/auth/permissions";

export const MIN_PASSWORD = 10;

export const passwordSchema = z.string().min(MIN_PASSWORD, `At least ${MIN_PASSWORD} characters.`).max(256, "At most 256 characters.");

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
