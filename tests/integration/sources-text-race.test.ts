// A new version racing annotation creates on the same source. Creating an
// annotation holds a share lock on the source row while it verifies spans;
// adding a version takes the row lock. So each create either lands first (and
// the version then re-anchors its span) or waits and verifies against the new
// text — never a span verified on the old text that escapes re-anchoring.
import { describe, expect, it } from "vitest";

import { createAnnotation } from "@/lib/annotations/service";
import { createComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { createSource } from "@/lib/sources/service";
import { addVersion } from "@/lib/versions/service";

import { createActor, spanOf, uniqueTitle } from "./sources-support";

const ORIGINAL = "Wagner is leaving Mali, claiming mission accomplished. Russia stays through the Africa Corps.";
// The passage survives but moves: a span that missed re-anchoring would point at the wrong words.
const NEXT = `Editor's note: this article was updated on Monday.\n\n${ORIGINAL}`;

describe("new versions racing annotation creates", () => {
  it("re-anchors every span that landed first and verifies every later one on the new text, over eight rounds", async () => {
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
      const results = await Promise.allSettled([note(), addVersion(analyst, source.id, { text: NEXT }), note()]);
      expect(results[1]).toMatchObject({ status: "fulfilled", value: { changed: true } });

      const latest = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { text: true } });
      expect(latest.text).toBe(NEXT);
      const spans = await db.span.findMany({
        where: { sourceId: source.id },
        select: {
          start: true,
          end: true,
          exact: true,
          anchorStatus: true,
          anchorStart: true,
          anchorEnd: true,
          version: { select: { text: true } },
        },
      });
      for (const span of spans) {
        // The selector quotes the version it was made on; the anchor quotes the latest text.
        expect(span.version.text.slice(span.start, span.end)).toBe(span.exact);
        expect(span.anchorStatus).toBe("unchanged");
        expect(latest.text.slice(span.anchorStart!, span.anchorEnd!)).toBe("mission accomplished");
      }
      // A create that waited for the version sent offsets of the old text and is refused (422), never stored wrong.
      const notes = [results[0], results[2]];
      for (const result of notes) if (result.status === "rejected") expect(result.reason).toMatchObject({ status: 422 });
      expect(spans).toHaveLength(notes.filter((result) => result.status === "fulfilled").length);
    }
  });
});
