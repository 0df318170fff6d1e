import { describe, expect, it } from "vitest";

import { describeSpan } from "@/lib/anchoring/quote";
import { reanchorSpans, summarizeReanchoring, type StoredSpan } from "@/lib/versions/reanchor";

// Re-anchoring the stored spans of a source onto its next version, as pure
// code: classification against the quote as made, the "intact" version, and
// the author's "keep" surviving only while nothing new happens.

const V1 =
  "Wagner left Mali in June. At least 12 soldiers were killed in the ambush near Kidal on Sunday. Residents remain wary of the deal.";
const V2 = "Update: Wagner left Mali in June. At least 15 soldiers were killed in the ambush near Kidal on Sunday.";
const V3 = `${V2} Residents remain wary of the deal.`;

function stored(id: string, text: string, quote: string, overrides: Partial<StoredSpan> = {}): StoredSpan {
  const start = text.indexOf(quote);
  const selector = describeSpan(text, start, start + quote.length);
  return {
    id,
    annotationId: `a-${id}`,
    versionId: "v1",
    ...selector,
    anchorStatus: "unchanged",
    anchorStart: selector.start,
    anchorEnd: selector.end,
    anchorExact: selector.exact,
    intactVersionId: "v1",
    keptAt: null,
    ...overrides,
  };
}

const onto = (spans: StoredSpan[], previous = { id: "v1", text: V1 }, next = { id: "v2", text: V2 }) =>
  reanchorSpans({ spans, previous, next, versionTexts: new Map([["v1", V1]]) });

describe("reanchorSpans", () => {
  const spans = [
    stored("moved", V1, "Wagner left Mali"),
    stored("number", V1, "At least 12 soldiers were killed"),
    stored("gone", V1, "Residents remain wary"),
  ];

  it("classifies a moved quote unchanged, a corrected number changed and a removed passage orphaned", () => {
    const updates = onto(spans);
    expect(updates.map((u) => [u.id, u.anchorStatus, u.anchorExact])).toEqual([
      ["moved", "unchanged", "Wagner left Mali"],
      ["number", "changed", "At least 15 soldiers were killed"],
      ["gone", "orphaned", null],
    ]);
    expect(V2.slice(updates[0]!.anchorStart!, updates[0]!.anchorEnd!)).toBe("Wagner left Mali");
    expect(updates.map((u) => u.intactVersionId)).toEqual(["v2", "v1", "v1"]);
    expect(summarizeReanchoring(updates)).toEqual({ unchanged: 1, changed: 1, orphaned: 1, annotationsFlagged: 2 });
  });

  it("re-attaches an orphan when its passage comes back, from the selector it was made with", () => {
    const [, , gone] = onto(spans);
    const orphan = stored("gone", V1, "Residents remain wary", {
      anchorStatus: "orphaned",
      anchorStart: null,
      anchorEnd: null,
      anchorExact: null,
    });
    expect(gone!.anchorStatus).toBe("orphaned");
    const [back] = onto([orphan], { id: "v2", text: V2 }, { id: "v3", text: V3 });
    expect(back).toMatchObject({
      anchorStatus: "unchanged",
      anchorExact: "Residents remain wary",
      intactVersionId: "v3",
      isNewlyAffected: false,
    });
  });

  it("stays changed against the original quote across versions, and keeps a 'keep' only while nothing new happens", () => {
    const changed = stored("number", V1, "At least 12 soldiers were killed", {
      anchorStatus: "changed",
      anchorStart: V2.indexOf("At least 15"),
      anchorEnd: V2.indexOf("At least 15") + 32,
      anchorExact: "At least 15 soldiers were killed",
      keptAt: new Date(),
    });
    const [same] = onto([changed], { id: "v2", text: V2 }, { id: "v3", text: V3 });
    expect(same).toMatchObject({ anchorStatus: "changed", isKept: true, isNewlyAffected: false });
    const [again] = onto([changed], { id: "v2", text: V2 }, { id: "v3", text: V3.replace("15", "17") });
    expect(again).toMatchObject({
      anchorStatus: "changed",
      anchorExact: "At least 17 soldiers were killed",
      isKept: false,
      isNewlyAffected: true,
    });
  });

  it("orphans a reworded passage whose following text was removed too: no positive evidence left on that side", () => {
    const text = "Wagner left Mali in June. At least 12 soldiers were killed. Residents remain wary of the deal.";
    const [span] = reanchorSpans({
      spans: [stored("number", text, "At least 12 soldiers were killed")],
      previous: { id: "v1", text },
      next: { id: "v2", text: "Wagner left Mali in June. At least 15 soldiers were killed." },
      versionTexts: new Map(),
    });
    expect(span).toMatchObject({ anchorStatus: "orphaned", anchorStart: null, isNewlyAffected: true });
  });
});
