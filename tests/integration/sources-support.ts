// Shared set-up for the sources-* and comparisons-* integration tests: real
// users in the run's database, and a span helper that quotes real text.
import { randomBytes } from "node:crypto";

import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";

export async function createActor(role: Role = "analyst"): Promise<Actor> {
  const email = `${role}-${randomBytes(6).toString("hex")}@example.test`;
  return db.user.create({
    data: { email, name: `Test ${role}`, role, passwordHash: "not-a-real-hash" },
    select: { id: true, email: true, name: true, role: true },
  });
}

export function spanOf(source: { id: string; text: string }, exact: string) {
  const start = source.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the text`);
  return { sourceId: source.id, start, end: start + exact.length, exact };
}

export const uniqueTitle = (label: string) => `${label} ${randomBytes(4).toString("hex")}`;

export const counts = async () => ({ sources: await db.source.count(), comparisons: await db.comparison.count() });
