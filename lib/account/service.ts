import "server-only";

/**
 * The signed-in person's own account (/settings): name and password. A
 * password change needs the current password and ends every other session
 * (the caller re-issues this session's cookie with the new session version).
 */
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { revokeSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { parseInput, type UntrustedInput } from "@/lib/validation";

import { changePasswordSchema, updateProfileSchema, type ChangePasswordInput, type UpdateProfileInput } from "./schemas";

export type AccountView = { id: string; email: string; name: string; role: Actor["role"] };

export async function updateProfile(actor: Actor, input: UpdateProfileInput | UntrustedInput): Promise<AccountView> {
  const data = parseInput(updateProfileSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    const user = await tx.user.update({
      where: { id: actor.id },
      data: { name: data.name },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.update_profile",
      entityType: "user",
      entityId: actor.id,
      before,
      after: { name: user.name },
    });
    return user;
  });
}

/** Changes the password; returns the new session version for this session's cookie. */
export async function changePassword(actor: Actor, input: ChangePasswordInput | UntrustedInput): Promise<{ sessionVersion: number }> {
  const data = parseInput(changePasswordSchema, input);
  const current = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, data.currentPassword))) {
    log.warn({ event: "auth.password_change_refused", targetUserId: actor.id }, "wrong current password");
    throw new AppError("unprocessable", "Your current password is not correct.", {
      errors: { currentPassword: "Not your current password." },
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  const sessionVersion = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.password_changed",
      entityType: "user",
      entityId: actor.id,
      after: { method: "settings" },
    });
    await revokeSessions(actor.id, { actorId: actor.id, reason: "password_change", tx });
    return (await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } })).sessionVersion;
  });
  log.info({ event: "auth.password_changed", targetUserId: actor.id }, "password changed; other sessions ended");
  return { sessionVersion };
}
