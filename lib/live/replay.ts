import "server-only";

import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeNotice, FeedFacts } from "@/lib/live/notice";

// Missed events, read back from the audit table. Seqs are handed out when a
// row is inserted, not when its transaction commits, so a slower transaction
// can commit a smaller seq after a client saw a larger one. Replay therefore
// starts a little before the client's last id (OVERLAP) and the client drops
// ids it has seen. Further back than the window, or more than LIMIT events,
// and the client is told to reload instead.

export const REPLAY_WINDOW_MS = 60 * 60_000;
const OVERLAP_MS = 30_000;
const LIMIT = 5_000;

const noticeSelect = {
  seq: true,
  action: true,
  entityType: true,
  entityId: true,
  comparisonId: true,
  actorId: true,
  feed: true,
} satisfies Prisma.AuditEventSelect;

type NoticeRow = Prisma.AuditEventGetPayload<{ select: typeof noticeSelect }>;

export function toNotice(row: NoticeRow): ChangeNotice {
  return { ...row, seq: Number(row.seq), feed: (row.feed as FeedFacts | null) ?? null };
}

/** The newest feed position: pages pass it to their stream so nothing between render and connect is missed. */
export async function readFeedCursor(): Promise<number> {
  const result = await db.auditEvent.aggregate({ _max: { seq: true } });
  return Number(result._max.seq ?? 0);
}

/** Rows by seq, for notices too large for NOTIFY (the trigger then sends only the seq). */
export async function readNotices(seqs: number[]): Promise<ChangeNotice[]> {
  if (seqs.length === 0) return [];
  const rows = await db.auditEvent.findMany({ where: { seq: { in: seqs.map(BigInt) } }, select: noticeSelect, orderBy: { seq: "asc" } });
  return rows.map(toNotice);
}

/**
 * Everything after `lastSeq` (with the overlap), oldest first; "reload" when
 * a missed event is older than the replay window or there are too many.
 */
export async function readReplay(lastSeq: number, now = new Date()): Promise<ChangeNotice[] | "reload"> {
  const windowStart = new Date(now.getTime() - REPLAY_WINDOW_MS);
  let since = windowStart;
  if (lastSeq > 0) {
    const anchor = await db.auditEvent.findUnique({ where: { seq: BigInt(lastSeq) }, select: { createdAt: true } });
    if (!anchor) return "reload";
    since = new Date(anchor.createdAt.getTime() - OVERLAP_MS);
  }
  const rows = await db.auditEvent.findMany({
    where: lastSeq > 0 ? { OR: [{ seq: { gt: BigInt(lastSeq) } }, { createdAt: { gte: since } }] } : { createdAt: { gte: since } },
    select: { ...noticeSelect, createdAt: true },
    orderBy: { seq: "asc" },
    take: LIMIT + 1,
  });
  if (rows.length > LIMIT) return "reload";
  if (rows.some((row) => Number(row.seq) > lastSeq && row.createdAt < windowStart)) return "reload";
  return rows.map(({ createdAt: _createdAt, ...row }) => toNotice(row));
}
