import "server-only";

import { z } from "@/lib/zod";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dateKey, keysetAfter, keysetOrder, parsePageRequest, toPage, type PageInput } from "@/lib/http/pagination";
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

/** Newest first, in cursor pages; `unread` counts all of the actor's unread ones. */
export async function listNotifications(
  actor: Actor,
  page?: PageInput | UntrustedInput,
): Promise<{ notifications: NotificationView[]; unread: number; nextCursor: string | null }> {
  assertPermission(actor, "comparison.read");
  const { limit, after } = parsePageRequest(page);
  const keyset = keysetAfter<Prisma.NotificationWhereInput, Date>("createdAt", "desc", after, dateKey);
  const [fetched, unread] = await Promise.all([
    db.notification.findMany({
      where: { AND: [{ userId: actor.id }, keyset ?? {}] },
      orderBy: keysetOrder<Prisma.NotificationOrderByWithRelationInput>("createdAt", "desc"),
      take: limit + 1,
      select,
    }),
    countUnreadNotifications(actor),
  ]);
  const { items: rows, nextCursor } = toPage(fetched, limit, (row) => ({ key: row.createdAt.toISOString(), id: row.id }));
  return {
    nextCursor,
    notifications: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null })),
    unread,
  };
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export const markReadSchema = z.union([
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
