// Restored accounts have no password (archives never carry password hashes).
// One admin gets a new generated password, printed once by the command, and
// resets everybody else's in /admin/users.
import { randomBytes } from "node:crypto";

import type pg from "pg";

import { hashPassword } from "@/lib/auth/password";

import { ArchiveError } from "./format";

export type FirstAdmin = { email: string; password: string };

export async function setFirstAdminPassword(client: pg.ClientBase, email?: string): Promise<FirstAdmin | null> {
  const { rows } = await client.query<{ id: string; email: string; role: string; disabledAt: Date | null }>(
    email
      ? `SELECT id, email, role, "disabledAt" FROM "User" WHERE email = lower($1)`
      : `SELECT id, email, role, "disabledAt" FROM "User" WHERE role = 'admin' AND "disabledAt" IS NULL ORDER BY "createdAt", id LIMIT 1`,
    email ? [email] : [],
  );
  const user = rows[0];
  if (!user) {
    if (email) throw new ArchiveError(`No restored account has the email ${email}.`);
    return null;
  }
  if (user.role !== "admin" || user.disabledAt) throw new ArchiveError(`${user.email} is not an active admin.`);
  const password = randomBytes(12).toString("base64url");
  // updatedAt stays: the account is as archived, only given a way in.
  await client.query(`UPDATE "User" SET "passwordHash" = $1 WHERE id = $2`, [await hashPassword(password), user.id]);
  return { email: user.email, password };
}
