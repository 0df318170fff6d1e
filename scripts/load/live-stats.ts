// Figures of the live load run (pure): percentiles and the per-client
// accounting of lost, duplicated and leaked events.

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export type Write = { id: string; authorId: string; isDraft: boolean; sentAt: number; ackAt: number };
export type Received = { annotationId: string; seq: number; at: number; action: string };
export type ClientRecord = { userId: string; isAdmin: boolean; stayedConnected: boolean; received: Received[] };

export type Delivery = {
  clientsTotal: number;
  clientsStayed: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Drafts told to someone who may not see them: must be 0. */
  leakedDrafts: number;
  /** Commit → client, ms, over every expected delivery. */
  latencies: number[];
};

/** Counts, for the clients that stayed connected, what each should have had and what it got. */
export function accountDeliveries(writes: Write[], clients: ClientRecord[], commitAt: Map<string, number>): Delivery {
  const drafts = new Map(writes.filter((w) => w.isDraft).map((w) => [w.id, w]));
  const submitted = writes.filter((w) => !w.isDraft);
  const result: Delivery = {
    clientsTotal: clients.length,
    clientsStayed: 0,
    expectedDeliveries: 0,
    delivered: 0,
    lost: 0,
    duplicated: 0,
    leakedDrafts: 0,
    latencies: [],
  };
  for (const client of clients) {
    const seqs = new Set<number>();
    for (const event of client.received) {
      if (seqs.has(event.seq)) result.duplicated += 1;
      seqs.add(event.seq);
      const draft = drafts.get(event.annotationId);
      if (draft && draft.authorId !== client.userId && !client.isAdmin) result.leakedDrafts += 1;
    }
    if (!client.stayedConnected) continue;
    result.clientsStayed += 1;
    const firstSeen = new Map<string, number>();
    for (const event of client.received) if (!firstSeen.has(event.annotationId)) firstSeen.set(event.annotationId, event.at);
    for (const write of submitted) {
      result.expectedDeliveries += 1;
      const at = firstSeen.get(write.id);
      if (at === undefined) {
        result.lost += 1;
        continue;
      }
      result.delivered += 1;
      result.latencies.push(at - (commitAt.get(write.id) ?? write.ackAt));
    }
  }
  return result;
}
