import "server-only";

import { z } from "@/lib/zod";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { parseInput, type UntrustedInput } from "@/lib/validation";

import type { NotificationView } from "./views";

export type { NotificationView };

// In-app notices ("a source changed under your finding"). Written in the
// transaction of the change they report; read and dismissed by their owner.

export type NewNotification = Omit<NotificationView, "id" | "createdAt" | "readAt"> & { userId: string };

export async function createNotifications(tx: Tx, notifications: NewNotification[]): Promise<void> {
  if (notifications.length > 0) await tx.notification.createMany({ data: notifications });
}

const select = {
  id: true,
  kind: true,
  message: true,
  annotationId: true,
  comparisonId: true,
  sourceId: true,
  createdAt: true,
  readAt: true,
} as const;

export async function listNotifications(actor: Actor): Promise<{ notifications: NotificationView[]; unread: number }> {
  assertPermission(actor, "comparison.read");
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" }, take: 100, select }),
    countUnreadNotifications(actor),
  ]);
  return {
    notifications: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null })),
    unread,
  };
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

const markReadSchema = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ ids: z.array(z.uuid("Not a notification id.")).min(1).max(200) }).strict(),
]);

/** Marks the actor's own notifications read (others' ids are ignored). */
export async function markNotificationsRead(
  actor: Actor,
  input: z.input<typeof markReadSchema> | UntrustedInput,
): Promise<{ updated: number }> {
  assertPermission(actor, "comparison.read");
  const data = parseInput(markReadSchema, input);
  const { count } = await db.notification.updateMany({
    where: { userId: actor.id, readAt: null, ...("ids" in data ? { id: { in: data.ids.map((id) => id.toLowerCase()) } } : {}) },
    data: { readAt: new Date() },
  });
  return { updated: count };
}
