// CSV export of a comparison: one row per visible annotation, a quote column
// per source (and its reliability grade when graded), the side panel's
// filters, and formulas neutralized — read back with a real CSV parser.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { exportCsv } from "@/lib/interop/csv-service";
import { untrustedInput } from "@/lib/validation";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

let analyst: TestUser;
let other: TestUser;
let reviewer: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, other, reviewer] = await Promise.all([createUser("analyst"), createUser("analyst"), createUser("reviewer")]);
  comparison = await createComparison({ moreTexts: ["A third source: Wagner fighters left Mali in June, officials said."] });
  await db.comparisonSource.update({
    where: { comparisonId_sourceId: { comparisonId: comparison.id, sourceId: comparison.left.id } },
    data: { reliability: "B", gradedById: reviewer.id, gradedAt: new Date() },
  });
  const formula = await createAnnotation(analyst, comparison, {
    kind: "contradiction",
    rationale: '=HYPERLINK("http://evil.example","click")',
    tags: ["@risk", "wagner"],
    submit: true,
  });
  await reviewAnnotation(reviewer, formula.id, { decision: "approve", version: formula.version });
  await createAnnotation(analyst, comparison, {
    kind: "note",
    leftQuote: "Residents of Bamako remain wary",
    rationale: "Draft note, private",
  });
  await createAnnotation(other, comparison, {
    kind: "agreement",
    rationale: "Three sources agree",
    spans: [
      { sourceId: comparison.left.id, start: 0, end: 34, exact: comparison.left.text.slice(0, 34) },
      { sourceId: comparison.sources[2]!.id, start: 16, end: 50, exact: comparison.sources[2]!.text.slice(16, 50) },
    ],
    submit: true,
  });
});

async function rows(user: TestUser, query: Record<string, string> = {}) {
  const { csv } = await exportCsv(user, comparison.id, query);
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  return parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
}

describe("CSV export", () => {
  it("has one row per visible annotation and one quote column per source, with grades", async () => {
    const { csv } = await exportCsv(analyst, comparison.id, {});
    const [header] = parse(csv, { bom: true, to_line: 1 }) as string[][];
    expect(header).toEqual([
      "id", "kind", "status", "author", "created", "updated", "reviewer", "decision", "decided at", "confidence", "credibility", "tags", "rationale", "needs re-check",
      expect.stringMatching(/^quote A: Source A /), "reliability A", expect.stringMatching(/^quote B: /), expect.stringMatching(/^quote C: /),
    ]); // prettier-ignore
    const all = await rows(analyst);
    expect(all).toHaveLength(3);
    const approved = all.find((row) => row.kind === "contradiction")!;
    expect(approved).toMatchObject({
      status: "approved",
      reviewer: reviewer.name,
      decision: "approve",
      author: analyst.name,
      "reliability A": "B",
    });
    expect(approved["decided at"]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const three = all.find((row) => row.kind === "agreement")!;
    expect(three[Object.keys(three).find((key) => key.startsWith("quote C"))!]).toBe(comparison.sources[2]!.text.slice(16, 50));
    expect(three[Object.keys(three).find((key) => key.startsWith("quote B"))!]).toBe("");
  });

  it("neutralizes formulas in rationales and tags", async () => {
    const approved = (await rows(analyst)).find((row) => row.kind === "contradiction")!;
    expect(approved.rationale).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(approved.tags).toBe("'@risk; wagner");
  });

  it("keeps drafts private and applies the side panel's filters", async () => {
    expect((await rows(other)).map((row) => row.kind).sort()).toEqual(["agreement", "contradiction"]);
    expect((await rows(analyst, { kind: "note" })).map((row) => row.rationale)).toEqual(["Draft note, private"]);
    expect(await rows(analyst, { status: "approved" })).toHaveLength(1);
    expect((await rows(analyst, { author: other.id })).map((row) => row.kind)).toEqual(["agreement"]);
    expect((await rows(analyst, { tag: "wagner" })).map((row) => row.kind)).toEqual(["contradiction"]);
    expect((await rows(analyst, { q: "BAMAKO" })).map((row) => row.kind)).toEqual(["note"]);
    expect(await rows(analyst, { kind: "", status: "" })).toHaveLength(3);
    await expect(exportCsv(analyst, comparison.id, untrustedInput({ kind: "rumour" }))).rejects.toMatchObject({
      code: "bad_request",
      errors: { kind: expect.any(String) },
    });
  });
});
