import "server-only";

/**
 * One person, as an admin sees them on /admin/users/:id: the account, its
 * two-factor state, recent sign-ins, and an audit trail (what they did and
 * what was done to their account), newest first, a page at a time.
 */
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { revokeSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";
import { z } from "@/lib/zod";

const auditQuerySchema = z.object({ cursor: z.string().uuid("Not a valid cursor.").optional() });

export const AUDIT_PAGE_SIZE = 20;
const SIGN_IN_HISTORY = 20;

export type UserDetail = {
  id: string;
  email: string;
  name: string;
  role: Actor["role"];
  isDisabled: boolean;
  createdAt: string;
  twoFactor: { enabled: boolean; enabledAt: string | null; recoveryCodesLeft: number };
  signIns: Array<{ id: string; at: string; succeeded: boolean; reason: string | null; ip: string | null }>;
};

export type AuditEntry = { id: string; at: string; action: string; actorName: string | null; isOnAccount: boolean; entityType: string };
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };

async function loadUser(actor: Actor, userId: string) {
  assertPermission(actor, "user.manage");
  const user = await db.user.findUnique({
    where: { id: assertId(userId, "user") },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true, twoFactorEnabledAt: true },
  });
  if (!user) throw new AppError("not_found", "No user with this id.");
  return user;
}

export async function getUserDetail(actor: Actor, userId: string): Promise<UserDetail> {
  const user = await loadUser(actor, userId);
  const [recoveryCodesLeft, attempts] = await Promise.all([
    db.twoFactorRecoveryCode.count({ where: { userId: user.id, usedAt: null } }),
    db.loginAttempt.findMany({
      where: { OR: [{ userId: user.id }, { email: user.email }] },
      orderBy: { createdAt: "desc" },
      take: SIGN_IN_HISTORY,
      select: { id: true, createdAt: true, succeeded: true, reason: true, ip: true },
    }),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    isDisabled: Boolean(user.disabledAt),
    createdAt: user.createdAt.toISOString(),
    twoFactor: {
      enabled: Boolean(user.twoFactorEnabledAt),
      enabledAt: user.twoFactorEnabledAt?.toISOString() ?? null,
      recoveryCodesLeft: user.twoFactorEnabledAt ? recoveryCodesLeft : 0,
    },
    signIns: attempts.map(({ id, createdAt, succeeded, reason, ip }) => ({ id, at: createdAt.toISOString(), succeeded, reason, ip })),
  };
}

/** The cursor is the last entry's id; entries are ordered by (createdAt, id), newest first. */
export async function listUserAudit(actor: Actor, userId: string, input: { cursor?: string } | UntrustedInput = {}): Promise<AuditPage> {
  const user = await loadUser(actor, userId);
  const { cursor } = parseInput(auditQuerySchema, input);
  const about = { OR: [{ actorId: user.id }, { entityType: "user", entityId: user.id }] };
  let where: object = about;
  if (cursor) {
    const last = await db.auditEvent.findUnique({ where: { id: cursor }, select: { id: true, createdAt: true } });
    if (!last) throw new AppError("not_found", "No such cursor.");
    where = { AND: [about, { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] }] };
  }
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, actor: { select: { name: true } } },
  });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
    id: row.id,
    at: row.createdAt.toISOString(),
    action: row.action,
    actorName: row.actor?.name ?? null,
    isOnAccount: row.entityType === "user" && row.entityId === user.id,
    entityType: row.entityType,
  }));
  return { entries, nextCursor: rows.length > AUDIT_PAGE_SIZE ? entries[entries.length - 1]!.id : null };
}

/** An admin ends every session of a person. */
export async function signOutUserEverywhere(actor: Actor, userId: string): Promise<void> {
  const user = await loadUser(actor, userId);
  await revokeSessions(user.id, { actorId: actor.id, reason: "sign_out_everywhere" });
  log.info({ event: "admin.sessions_revoked", targetUserId: user.id }, "admin signed a person out everywhere");
}
