import { describe, expect, it } from "vitest";

import { nextPosition } from "@/components/matrix/use-grid-keys";
import { deriveMatrix, type MatrixAnnotation, type MatrixSource } from "@/lib/comparisons/matrix";
import { buildMatrixView, matrixHref, parseMatrixViewQuery } from "@/lib/comparisons/matrix-view";

const sources: MatrixSource[] = ["A", "B", "C"].map((label) => ({
  id: label.toLowerCase(),
  title: label,
  outlet: null,
  label,
  reliability: null,
}));

function claim(
  i: number,
  kind: "agreement" | "contradiction",
  sourceIds: string[],
  extra: Partial<MatrixAnnotation> = {},
): MatrixAnnotation {
  return {
    id: `c${i}`,
    kind,
    status: "approved",
    rationale: `claim ${i}`,
    tags: [],
    credibility: null,
    author: { id: "u", name: "U" },
    spans: sourceIds.map((sourceId) => ({ sourceId, exact: `${i}@${sourceId}` })),
    ...extra,
  };
}

const matrix = deriveMatrix(sources, [
  claim(1, "agreement", ["a", "b"]),
  claim(2, "contradiction", ["b", "c"], { status: "in_review", tags: ["numbers"], credibility: 2 }),
  claim(3, "agreement", ["a", "b", "c"], { tags: ["numbers"] }),
  ...Array.from({ length: 150 }, (_, i) => claim(10 + i, "agreement", ["a", "c"])),
]);

describe("the matrix page's view", () => {
  it("reads its query leniently: unknown values mean any, pages start at 1", () => {
    expect(parseMatrixViewQuery({ kind: "note", status: "bogus", credibility: "9", page: "-3", sort: "x" })).toEqual({
      kind: undefined,
      status: undefined,
      tag: undefined,
      credibility: undefined,
      sort: "position",
      page: 1,
    });
    expect(
      parseMatrixViewQuery({ kind: "contradiction", status: "in_review", tag: "numbers", credibility: "2", page: "2", sort: "agreement" }),
    ).toEqual({
      kind: "contradiction",
      status: "in_review",
      tag: "numbers",
      credibility: 2,
      sort: "agreement",
      page: 2,
    });
  });

  it("shows 100 claims a page and counts over every page", () => {
    const first = buildMatrixView(matrix, parseMatrixViewQuery({}));
    expect(first).toMatchObject({ total: 153, claimCount: 153, page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(100);
    const second = buildMatrixView(matrix, parseMatrixViewQuery({ page: "9" }));
    expect(second.page).toBe(2);
    expect(second.rows).toHaveLength(53);
  });

  it("filters by kind, status, tag and credibility and counts the columns over the filtered claims", () => {
    const view = buildMatrixView(matrix, parseMatrixViewQuery({ tag: "numbers" }));
    expect(view.rows.map((row) => row.annotationId)).toEqual(["c2", "c3"]);
    // C is contradicted by B in claim 2 (B states it): both are "contradicted" once.
    expect(view.columns.map((column) => [column.label, column.supports, column.contradicted])).toEqual([
      ["A", 1, 0],
      ["B", 2, 1],
      ["C", 1, 1],
    ]);
    expect(buildMatrixView(matrix, parseMatrixViewQuery({ credibility: "2" })).rows.map((r) => r.annotationId)).toEqual(["c2"]);
    expect(buildMatrixView(matrix, parseMatrixViewQuery({ kind: "contradiction", status: "approved" })).total).toBe(0);
    expect(view.tags).toEqual(["numbers"]);
  });

  it("orders by how many sources agree", () => {
    const view = buildMatrixView(matrix, parseMatrixViewQuery({ sort: "agreement" }));
    expect(view.rows[0]!.annotationId).toBe("c3");
    expect(view.rows[0]!.supportCount).toBe(3);
  });

  it("builds links that leave out defaults", () => {
    expect(matrixHref("x", { sort: "position", page: 1 })).toBe("/comparisons/x/matrix");
    expect(matrixHref("x", { kind: "agreement", sort: "agreement", page: 3, credibility: 1 })).toBe(
      "/comparisons/x/matrix?kind=agreement&credibility=1&sort=agreement&page=3",
    );
  });
});

describe("grid keys", () => {
  const size = { rows: 5, cols: 4 };
  it("moves within bounds with arrows, Home/End and Page keys", () => {
    expect(nextPosition("ArrowRight", false, { row: 0, col: 3 }, size)).toEqual({ row: 0, col: 3 });
    expect(nextPosition("ArrowDown", false, { row: 1, col: 2 }, size)).toEqual({ row: 2, col: 2 });
    expect(nextPosition("ArrowUp", false, { row: 0, col: 2 }, size)).toEqual({ row: 0, col: 2 });
    expect(nextPosition("Home", false, { row: 3, col: 2 }, size)).toEqual({ row: 3, col: 0 });
    expect(nextPosition("End", true, { row: 0, col: 0 }, size)).toEqual({ row: 4, col: 3 });
    expect(nextPosition("PageDown", false, { row: 1, col: 1 }, size)).toEqual({ row: 4, col: 1 });
    expect(nextPosition("a", false, { row: 1, col: 1 }, size)).toBeNull();
  });
});
