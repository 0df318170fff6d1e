import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { revokeSessions, type RevokeReason } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { createUserSchema, updateUserSchema, type CreateUserInput, type UpdateUserInput } from "@/lib/users/schemas";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Accounts. The password hash never leaves this module (see userSelect).

export const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true } satisfies Prisma.UserSelect;
export type UserRecord = Prisma.UserGetPayload<{ select: typeof userSelect }>;
export type UserView = Omit<UserRecord, "disabledAt" | "createdAt"> & { disabledAt: string | null; createdAt: string; isDisabled: boolean };

function toUserView(user: UserRecord): UserView {
  return {
    ...user,
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    isDisabled: user.disabledAt !== null,
  };
}

export async function listUsers(actor: Actor): Promise<UserView[]> {
  assertPermission(actor, "user.manage");
  const users = await db.user.findMany({
    select: userSelect,
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
  });
  return users.map(toUserView);
}

async function insertUser(tx: Tx, actorId: string | null, input: CreateUserInput | UntrustedInput): Promise<UserView> {
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role, passwordHash }, select: userSelect });
    const view = toUserView(user);
    await recordAudit(tx, { actorId, action: "user.create", entityType: "user", entityId: user.id, after: view });
    return view;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", "An account with this email already exists.", {
        errors: { email: "An account with this email already exists." },
      });
    }
    throw error;
  }
}

export async function createUser(actor: Actor, input: CreateUserInput | UntrustedInput): Promise<UserView> {
  assertPermission(actor, "user.manage");
  const user = await db.$transaction((tx) => insertUser(tx, actor.id, input));
  log.info({ event: "admin.user_created", targetUserId: user.id, role: user.role }, "user created");
  return user;
}

/** For `npm run user:create` and seeding: no signed-in actor exists yet. */
export async function createUserAsSystem(input: CreateUserInput): Promise<UserView> {
  return db.$transaction((tx) => insertUser(tx, null, input));
}

/**
 * PostgreSQL's 40001. Prisma reports it as P2034 when it fails a statement, but
 * as the driver adapter's "TransactionWriteConflict" when it fails at commit.
 */
function isSerializationFailure(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const cause = (error as { cause?: { originalCode?: string } } | null)?.cause;
  const message = error instanceof Error ? error.message : "";
  return cause?.originalCode === "40001" || /TransactionWriteConflict|40001|could not serialize/i.test(message);
}

/** Serializable transactions may be aborted by a concurrent one; run them again a few times. */
async function withSerializableRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isSerializationFailure(error)) throw error;
      if (attempt >= attempts) throw new AppError("conflict", "Someone else changed accounts at the same moment. Try again.");
    }
  }
}

export async function updateUser(actor: Actor, id: string, input: UpdateUserInput | UntrustedInput): Promise<UserView> {
  assertPermission(actor, "user.manage");
  const data = parseInput(updateUserSchema, input);
  if (Object.values(data).every((value) => value === undefined)) throw new AppError("bad_request", "Nothing to change.");
  const userId = assertId(id, "user");
  // Locking yourself out is never what an admin means; another admin can do it.
  if (userId === actor.id && data.disabled === true) {
    throw new AppError("conflict", "You cannot disable your own account.", {
      errors: { disabled: "You cannot disable your own account." },
    });
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return withSerializableRetry(() =>
    db.$transaction(
      async (tx) => {
        const current = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
        if (!current) throw new AppError("not_found", "No user with this id.");
        const losesAdmin =
          current.role === "admin" && current.disabledAt === null && ((data.role && data.role !== "admin") || data.disabled === true);
        if (losesAdmin) {
          const activeAdmins = await tx.user.count({ where: { role: "admin", disabledAt: null } });
          if (activeAdmins <= 1)
            throw new AppError("conflict", "The last active admin cannot be disabled or demoted. Make someone else admin first.");
        }
        const disabledAt = data.disabled === undefined ? undefined : data.disabled ? (current.disabledAt ?? new Date()) : null;
        const user = await tx.user.update({
          where: { id: current.id },
          data: { name: data.name, role: data.role, disabledAt, passwordHash },
          select: userSelect,
        });
        const after = toUserView(user);
        // A new password, a new role or a disabled account ends the person's current sessions.
        const reason = revokeReason(current, user, Boolean(data.password));
        if (reason) await revokeSessions(user.id, { actorId: actor.id, reason, tx });
        await recordAudit(tx, {
          actorId: actor.id,
          action: data.password ? "user.password_reset" : "user.update",
          entityType: "user",
          entityId: user.id,
          before: toUserView(current),
          after: data.password ? { ...after, passwordReset: true } : after,
        });
        return after;
      },
      // Serializable so that two admins demoting each other at once cannot leave no admin.
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    ),
  ).then((user) => {
    // Field names only: never a password.
    const changed = Object.entries(data).flatMap(([key, value]) => (value === undefined ? [] : [key]));
    log.info({ event: "admin.user_updated", targetUserId: user.id, changed }, "user updated");
    return user;
  });
}

function revokeReason(before: UserRecord, after: UserRecord, isPasswordReset: boolean): RevokeReason | undefined {
  if (isPasswordReset) return "password_reset";
  if (after.disabledAt && !before.disabledAt) return "disabled";
  if (after.role !== before.role) return "role_change";
  return undefined;
}
