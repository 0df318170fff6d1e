// "Source text is locked once annotated" under concurrency: a text edit and
// annotation creates racing on the same source must never leave a span that
// points at text which is no longer there. Exactly one side wins each round.
import { describe, expect, it } from "vitest";

import { createAnnotation } from "@/lib/annotations/service";
import { createComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { createSource, updateSource } from "@/lib/sources/service";

import { createActor, spanOf, uniqueTitle } from "./sources-support";

const ORIGINAL = "Wagner is leaving Mali, claiming mission accomplished. Russia stays through the Africa Corps.";
const REPLACEMENT = "An entirely different article about fishing quotas in the Baltic Sea.";

describe("text edits racing annotation creates", () => {
  it("never leaves a span whose quote is not in the stored text, over eight rounds", async () => {
    const analyst = await createActor();
    for (let round = 0; round < 8; round++) {
      const source = await createSource(analyst, { title: uniqueTitle("Racing"), text: ORIGINAL });
      const other = await createSource(analyst, { title: uniqueTitle("Other"), text: "Most fighters reappeared." });
      const comparison = await createComparison(analyst, { title: uniqueTitle("Race"), sourceIds: [source.id, other.id] });
      const note = () =>
        createAnnotation(analyst, comparison.id, {
          kind: "note",
          rationale: "Claim.",
          spans: [spanOf({ id: source.id, text: ORIGINAL }, "mission accomplished")],
        });
      const results = await Promise.allSettled([note(), updateSource(analyst, source.id, { text: REPLACEMENT }), note()]);

      const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true } });
      const spans = await db.span.findMany({ where: { sourceId: source.id }, select: { start: true, end: true, exact: true } });
      for (const span of spans) expect(stored.text.slice(span.start, span.end)).toBe(span.exact);
      const editWon = results[1].status === "fulfilled";
      // Either the edit won (no annotation could be made on the old text) or annotations won (the edit was refused).
      expect(editWon ? spans.length === 0 && stored.text === REPLACEMENT : stored.text === ORIGINAL && spans.length > 0).toBe(true);
      if (!editWon) expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    }
  });
});
