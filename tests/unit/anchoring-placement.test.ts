import { describe, expect, it } from "vitest";

import { describeSpan } from "@/lib/anchoring/quote";
import type { AnnotationView } from "@/lib/annotations/views";
import { placeAnnotations } from "@/lib/anchoring/placement";

// What the workbench paints: spans re-anchored against the displayed text,
// orphans left unpainted and reported per annotation.

const storedText =
  "Wagner announced its departure from Mali, claiming mission accomplished after three years in the country. Russia stays through the Africa Corps.";
const otherText = "Most fighters have simply reappeared under the Kremlin-backed Africa Corps.";

function annotation(id: string, spans: Array<{ sourceId: string; text: string; quote: string }>): AnnotationView {
  return {
    id,
    comparisonId: "c",
    kind: spans.length > 1 ? "contradiction" : "note",
    rationale: id,
    confidence: "medium",
    credibility: null,
    tags: [],
    status: "draft",
    version: 1,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    submittedAt: null,
    decidedAt: null,
    author: { id: "u", name: "U" },
    spans: spans.map(({ sourceId, text, quote }, i) => {
      const start = text.indexOf(quote);
      const selector = describeSpan(text, start, start + quote.length);
      const version = { id: `v-${sourceId}`, number: 1, createdAt: "2025-01-01T00:00:00.000Z" };
      const anchor = { status: "unchanged" as const, ...selector, intactVersion: version, keptAt: null };
      return { id: `${id}-${i}`, sourceId, ...selector, version, anchor };
    }),
    needsRecheck: false,
  };
}

describe("placeAnnotations", () => {
  const linked = annotation("linked", [
    { sourceId: "B", text: storedText, quote: "claiming mission accomplished" },
    { sourceId: "A", text: otherText, quote: "simply reappeared" },
  ]);
  const note = annotation("note", [{ sourceId: "B", text: storedText, quote: "Russia stays through the Africa Corps" }]);

  it("paints every passage where it was saved when the displayed text is the stored one", () => {
    const { placed, orphans } = placeAnnotations(
      [linked, note],
      new Map([
        ["A", otherText],
        ["B", storedText],
      ]),
    );
    const painted = (id: string) =>
      placed.find((a) => a.id === id)!.spans.map((s) => ({ sourceId: s.sourceId, start: s.start, end: s.end }));
    expect(painted("linked")).toEqual(linked.spans.map((s) => ({ sourceId: s.sourceId, start: s.start, end: s.end })));
    expect(painted("note")).toEqual([{ sourceId: "B", start: note.spans[0]!.start, end: note.spans[0]!.end }]);
    expect(storedText.slice(note.spans[0]!.start, note.spans[0]!.end)).toBe("Russia stays through the Africa Corps");
    expect(orphans.size).toBe(0);
  });

  it("moves spans with the text and flags spans whose quote is gone", () => {
    const displayed =
      "Breaking: Wagner announced its departure from Mali, claiming mission accomplished after three years in the country. Moscow said nothing else.";
    const { placed, orphans } = placeAnnotations(
      [linked, note],
      new Map([
        ["A", otherText],
        ["B", displayed],
      ]),
    );
    const moved = placed[0]!.spans.find((s) => s.sourceId === "B")!;
    expect(displayed.slice(moved.start, moved.end)).toBe("claiming mission accomplished");
    expect(orphans.get("note")).toEqual(new Set(["note-0"]));
    expect(placed[1]!.spans).toHaveLength(0);
    expect(orphans.has("linked")).toBe(false);
  });
});
