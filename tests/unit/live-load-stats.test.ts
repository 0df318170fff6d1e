import { describe, expect, it } from "vitest";

import { accountDeliveries, percentile, type ClientRecord, type Write } from "@/scripts/load/live-stats";

// The accounting behind `npm run load:live`'s "lost 0, duplicated 0, drafts leaked 0".

const writes: Write[] = [
  { id: "a", authorId: "ana", isDraft: false, sentAt: 0, ackAt: 50 },
  { id: "b", authorId: "ana", isDraft: true, sentAt: 0, ackAt: 60 },
  { id: "c", authorId: "ari", isDraft: false, sentAt: 10, ackAt: 70 },
];
const commits = new Map([
  ["a", 40],
  ["c", 65],
]);
const client = (userId: string, received: ClientRecord["received"], extra: Partial<ClientRecord> = {}): ClientRecord => ({
  userId,
  isAdmin: false,
  stayedConnected: true,
  received,
  ...extra,
});

describe("load accounting", () => {
  it("counts what each connected client missed, got twice, or should never have seen", () => {
    const result = accountDeliveries(
      writes,
      [
        client("rey", [
          { annotationId: "a", seq: 1, at: 100, action: "annotation.submit" },
          { annotationId: "c", seq: 3, at: 95, action: "annotation.submit" },
        ]),
        client("rex", [
          { annotationId: "a", seq: 1, at: 120, action: "annotation.submit" },
          { annotationId: "a", seq: 1, at: 121, action: "annotation.submit" },
          { annotationId: "b", seq: 2, at: 122, action: "annotation.create" },
        ]),
        client("ana", [{ annotationId: "b", seq: 2, at: 90, action: "annotation.create" }], { stayedConnected: false }),
      ],
      commits,
    );
    expect(result).toMatchObject({
      clientsTotal: 3,
      clientsStayed: 2,
      expectedDeliveries: 4,
      delivered: 3,
      lost: 1,
      duplicated: 1,
      leakedDrafts: 1,
    });
    expect(result.latencies.sort((x, y) => x - y)).toEqual([30, 60, 80]);
  });

  it("takes the nearest-rank percentile", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([5, 1, 4, 2, 3], 99)).toBe(5);
    expect(percentile([], 50)).toBeNaN();
  });
});
