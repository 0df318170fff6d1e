import { describe, expect, it } from "vitest";

import { findNearDuplicates, isNearDuplicate } from "@/lib/annotations/duplicates";
import type { AnnotationView } from "@/lib/annotations/views";
import { fromCompactAnnotations, toCompactComparison } from "@/lib/comparisons/compact";
import type { ComparisonDetail } from "@/lib/comparisons/views";

import { changeSentence, describeChanges } from "@/components/workbench/annotation-changes";
import { annotationsReducer } from "@/components/workbench/annotation-store";
import { paragraphMarkers } from "@/components/workbench/markers";

// The workbench's pure data: the compact comparison form (what the page and
// `?form=compact` send), near-duplicate detection, the one annotation store,
// what an edit changed, and the per-paragraph counts behind the margin markers.

const textA = "Wagner left Mali in June.\n\nMost fighters stayed under the Africa Corps.";
const textB = "The group announced its departure, claiming mission accomplished.";

const latest = (sourceId: string) => ({ id: `${sourceId}-v2`, number: 2, createdAt: "2026-01-02T00:00:00.000Z" });
const older = (sourceId: string) => ({ id: `${sourceId}-v1`, number: 1, createdAt: "2026-01-01T00:00:00.000Z" });

function source(id: string, text: string, position: number) {
  return {
    version: latest(id),
    id,
    title: `Source ${id}`,
    outlet: null,
    author: null,
    url: null,
    publishedAt: null,
    language: "en",
    text,
    contentHash: id,
    position,
    label: String.fromCharCode(65 + position),
    customLabel: null,
    reliability: null,
    reliabilityNote: null,
    gradedBy: null,
    gradedAt: null,
  };
}

function annotation(
  id: string,
  kind: AnnotationView["kind"],
  spans: Array<[string, string, number, number]>,
  extra: Partial<AnnotationView> = {},
): AnnotationView {
  const texts: Record<string, string> = { a: textA, b: textB };
  return {
    id,
    comparisonId: "c",
    kind,
    rationale: `Rationale ${id}`,
    confidence: "medium",
    credibility: null,
    tags: [],
    status: "draft",
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    submittedAt: null,
    decidedAt: null,
    author: { id: "u1", name: "Ana" },
    spans: spans.map(([spanId, sourceId, start, end]) => {
      const exact = texts[sourceId]!.slice(start, end);
      return {
        id: spanId,
        sourceId,
        start,
        end,
        exact,
        prefix: texts[sourceId]!.slice(Math.max(0, start - 32), start),
        suffix: texts[sourceId]!.slice(end, end + 32),
        version: latest(sourceId),
        anchor: { status: "unchanged" as const, start, end, exact, intactVersion: latest(sourceId), keptAt: null },
      };
    }),
    needsRecheck: false,
    ...extra,
  };
}

const detail: ComparisonDetail = {
  id: "c",
  title: "T",
  question: null,
  archivedAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  createdBy: { id: "u1", name: "Ana" },
  sources: [source("a", textA, 0), source("b", textB, 1)],
  annotations: [
    annotation("x", "contradiction", [
      ["s1", "a", 27, 40],
      ["s2", "b", 35, 64],
    ]),
    annotation("y", "note", [["s3", "a", 0, 6]], { author: { id: "u2", name: "Ben" }, credibility: 2, tags: ["timeline"] }),
  ],
};

describe("compact comparison form", () => {
  it("lists authors once, sends spans as offsets, and decodes to the same annotations", () => {
    const compact = toCompactComparison(detail);
    expect(compact.form).toBe("compact");
    expect(compact.authors).toEqual([
      { id: "u1", name: "Ana" },
      { id: "u2", name: "Ben" },
    ]);
    expect(compact.annotations[0]!.spans).toEqual([
      [0, 27, 40],
      [1, 35, 64],
    ]);
    const decoded = fromCompactAnnotations(compact);
    decoded.forEach((a, i) => {
      const original = detail.annotations[i]!;
      expect(a).toMatchObject({
        id: original.id,
        kind: original.kind,
        rationale: original.rationale,
        author: original.author,
        credibility: original.credibility,
        tags: original.tags,
      });
      expect(a.spans.map(({ sourceId, start, end, exact, prefix, suffix }) => ({ sourceId, start, end, exact, prefix, suffix }))).toEqual(
        original.spans.map(({ sourceId, start, end, exact, prefix, suffix }) => ({ sourceId, start, end, exact, prefix, suffix })),
      );
    });
  });

  it("sends a span made on an older version, or changed by a new one, in full, and decodes it as needing a re-check", () => {
    const original = detail.annotations[0]!;
    const span = original.spans[0]!;
    const changed = {
      ...span,
      start: 1,
      end: 14,
      version: older("a"),
      anchor: { status: "changed" as const, start: 27, end: 40, exact: "Most fighters", intactVersion: older("a"), keptAt: null },
    };
    const compact = toCompactComparison({ ...detail, annotations: [{ ...original, spans: [changed, original.spans[1]!] }] });
    const { sourceId: _sourceId, ...rest } = changed;
    expect(compact.annotations[0]!.spans).toEqual([{ ...rest, sourceIndex: 0 }, [1, 35, 64]]);
    const [decoded] = fromCompactAnnotations(compact);
    expect(decoded!.spans[0]).toEqual(changed);
    expect(decoded!.spans[1]!.version).toEqual(latest("b"));
    expect(decoded!.needsRecheck).toBe(true);
    expect(fromCompactAnnotations(toCompactComparison(detail)).every((a) => !a.needsRecheck)).toBe(true);
  });

  it("is smaller than the readable form", () => {
    expect(JSON.stringify(toCompactComparison(detail)).length).toBeLessThan(JSON.stringify(detail).length);
  });
});

describe("near duplicates", () => {
  const existing = detail.annotations[0]!;
  it("flags the same kind over nearly the same passages in the same sources", () => {
    const candidate = {
      kind: "contradiction" as const,
      spans: [
        { sourceId: "a", start: 27, end: 39 },
        { sourceId: "b", start: 35, end: 60 },
      ],
    };
    expect(isNearDuplicate(candidate, existing)).toBe(true);
    expect(findNearDuplicates(candidate, detail.annotations).map((a) => a.id)).toEqual(["x"]);
    expect(findNearDuplicates(candidate, detail.annotations, "x")).toEqual([]);
  });
  it("does not flag another kind, another passage or another set of sources", () => {
    expect(isNearDuplicate({ kind: "agreement", spans: existing.spans }, existing)).toBe(false);
    expect(isNearDuplicate({ kind: "contradiction", spans: [{ sourceId: "a", start: 0, end: 10 }, existing.spans[1]!] }, existing)).toBe(
      false,
    );
    expect(isNearDuplicate({ kind: "contradiction", spans: [existing.spans[0]!] }, existing)).toBe(false);
  });
});

describe("annotation store", () => {
  const [x, y] = detail.annotations as [AnnotationView, AnnotationView];
  it("adds, replaces by id and removes", () => {
    let list = annotationsReducer([x], { type: "upsert", annotation: y });
    expect(list.map((a) => a.id)).toEqual(["x", "y"]);
    list = annotationsReducer(list, { type: "upsert", annotation: { ...x, version: 2, rationale: "Edited" } });
    expect(list[0]).toMatchObject({ id: "x", version: 2, rationale: "Edited" });
    list = annotationsReducer(list, { type: "remove", id: "y" });
    expect(list.map((a) => a.id)).toEqual(["x"]);
  });
  it("never replaces a newer version with an older one (a late remote update)", () => {
    const newer = { ...x, version: 3, rationale: "Newest" };
    expect(annotationsReducer([newer], { type: "upsert", annotation: { ...x, version: 2 } })[0]!.rationale).toBe("Newest");
  });
});

describe("what an edit changed", () => {
  it("names the changed fields and passages by source label", () => {
    const before = detail.annotations[0]!;
    const after = {
      kind: before.kind,
      spans: [before.spans[0]!, { sourceId: "b", start: 36, end: 64, exact: "" }],
      rationale: "New",
      confidence: before.confidence,
      credibility: 3,
      tags: "",
    };
    const changes = describeChanges(before, after, (id) => id.toUpperCase());
    expect(changes).toEqual(["rationale", "passage in B", "credibility"]);
    expect(changeSentence(changes)).toBe("rationale, passage in B and credibility changed");
    expect(changeSentence([])).toBe("nothing changed");
  });
});

describe("paragraph markers", () => {
  it("counts each annotation once per paragraph it touches", () => {
    const texts = new Map([
      ["a", textA],
      ["b", textB],
    ]);
    const spanning = annotation("z", "note", [["s9", "a", 10, 40]]);
    const markers = paragraphMarkers([...detail.annotations, spanning], texts);
    expect([...markers.get("a")!.entries()].sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...markers.get("b")!.entries()]).toEqual([[0, 1]]);
  });
});
