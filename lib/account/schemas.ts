import { safeText } from "@/lib/text/safe-text";
import { passwordSchema } from "@/lib/users/schemas";
import { z } from "@/lib/zod";

export const updateProfileSchema = z
  .object({ name: safeText().trim().min(1, "Enter a name.").max(120, "At most 120 characters.") })
  .strict();

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), newPassword: passwordSchema })
  .strict()
  .refine((value) => value.currentPassword !== value.newPassword, {
    path: ["newPassword"],
    message: "Choose a password you have not been using.",
  });

export type UpdateProfileInput = z.input<typeof updateProfileSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
