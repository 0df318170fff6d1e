import { describe, expect, it } from "vitest";

import { kindProblem, overlappingSpanIndex } from "@/lib/annotations/kinds";
import { combinedGrade, credibilityLabel, reliabilityLabel } from "@/lib/comparisons/grades";
import { deriveMatrix, sortMatrixRows, type MatrixAnnotation, type MatrixSource } from "@/lib/comparisons/matrix";

const sources: MatrixSource[] = ["A", "B", "C", "D"].map((label) => ({
  id: label.toLowerCase(),
  title: `Outlet ${label}`,
  outlet: null,
  label,
  reliability: null,
}));

function annotation(
  id: string,
  kind: MatrixAnnotation["kind"],
  sourceIds: string[],
  extra: Partial<MatrixAnnotation> = {},
): MatrixAnnotation {
  return {
    id,
    kind,
    status: "approved",
    rationale: id,
    tags: [],
    credibility: null,
    author: { id: "u", name: "U" },
    spans: sourceIds.map((sourceId) => ({ sourceId, exact: `${id} in ${sourceId}` })),
    ...extra,
  };
}

describe("evidence matrix", () => {
  const three = annotation("three-agree", "agreement", ["a", "b", "c"]);
  const clash = annotation("clash", "contradiction", ["b", "d", "a"], { status: "in_review", tags: ["numbers"], credibility: 4 });
  const note = annotation("note", "note", ["a"]);

  it("makes one row per agreement or contradiction and none for notes", () => {
    expect(deriveMatrix(sources, [three, note, clash]).rows.map((row) => row.annotationId)).toEqual(["three-agree", "clash"]);
  });

  it("reads a contradiction's first passage as the claim and the other sources as contradicting it", () => {
    const row = deriveMatrix(sources, [clash]).rows[0]!;
    expect(row.cells.map((cell) => [cell.sourceId, cell.stance])).toEqual([
      ["a", "contradicts"],
      ["b", "supports"],
      ["c", "not_linked"],
      ["d", "contradicts"],
    ]);
    expect([row.supportCount, row.contradictCount]).toEqual([1, 2]);
    expect(row.cells[3]!.quotes).toEqual(["clash in d"]);
  });

  it("counts, per source, the claims it supports and the contradictions it is part of", () => {
    const { columns } = deriveMatrix(sources, [three, clash, annotation("pair", "contradiction", ["c", "d"])]);
    expect(columns.map((col) => [col.label, col.supports, col.contradicted])).toEqual([
      ["A", 1, 1],
      ["B", 2, 1],
      ["C", 2, 1],
      ["D", 0, 2],
    ]);
  });

  it("filters by kind, status, tag and credibility", () => {
    const all = [three, clash];
    expect(deriveMatrix(sources, all, { kind: "agreement" }).rows).toHaveLength(1);
    expect(deriveMatrix(sources, all, { status: "in_review" }).rows.map((r) => r.annotationId)).toEqual(["clash"]);
    expect(deriveMatrix(sources, all, { tag: "numbers" }).rows.map((r) => r.annotationId)).toEqual(["clash"]);
    expect(deriveMatrix(sources, all, { credibility: 4 }).rows.map((r) => r.annotationId)).toEqual(["clash"]);
    expect(deriveMatrix(sources, all, { credibility: 1 }).rows).toEqual([]);
  });

  it("sorts by how many sources agree, most first, keeping reading order otherwise", () => {
    const two = annotation("two", "agreement", ["a", "b"]);
    const rows = deriveMatrix(sources, [two, clash, three]).rows;
    expect(sortMatrixRows(rows, "agreement").map((r) => r.annotationId)).toEqual(["three-agree", "two", "clash"]);
    expect(sortMatrixRows(rows, "position").map((r) => r.annotationId)).toEqual(["two", "clash", "three-agree"]);
  });
});

describe("kind rules", () => {
  const span = (sourceId: string, start: number, end = start + 5) => ({ sourceId, start, end });

  it("needs two different sources for links and exactly one passage for notes", () => {
    expect(kindProblem("agreement", [span("a", 0), span("b", 0)])).toBeNull();
    expect(kindProblem("agreement", [span("a", 0), span("a", 10)])).toMatch(/at least two different sources/);
    expect(kindProblem("contradiction", [span("a", 0), span("b", 0), span("c", 0)])).toBeNull();
    expect(kindProblem("note", [span("a", 0)])).toBeNull();
    expect(kindProblem("note", [span("a", 0), span("b", 0)])).toMatch(/exactly one passage/);
  });

  it("finds passages that overlap within one source, not across sources", () => {
    expect(overlappingSpanIndex([span("a", 0, 10), span("b", 5, 8)])).toBe(-1);
    expect(overlappingSpanIndex([span("a", 0, 10), span("b", 0, 3), span("a", 9, 12)])).toBe(2);
    expect(overlappingSpanIndex([span("a", 0, 10), span("a", 10, 12)])).toBe(-1);
  });
});

describe("Admiralty grades", () => {
  it("names every grade and writes the compact form", () => {
    expect(reliabilityLabel.A).toBe("Completely reliable");
    expect(reliabilityLabel.F).toBe("Reliability cannot be judged");
    expect(credibilityLabel[1]).toBe("Confirmed by other sources");
    expect(credibilityLabel[6]).toBe("Truth cannot be judged");
    expect(combinedGrade("B", 2)).toBe("B2");
    expect(combinedGrade(null, 3)).toBe("–3");
    expect(combinedGrade(null, null)).toBeNull();
  });
});
