// The create path writes the annotation, its spans and its audit rows in one
// statement and answers with a view built from what it wrote (issue 16, item
// 5). What it answers must be exactly what a later read returns, on sources of
// any size, and the history must show the creation before the submission.
import { beforeAll, describe, expect, it } from "vitest";

import { insertAnnotation } from "@/lib/annotations/insert";
import { readComparisonTexts, verifyOnLatest } from "@/lib/annotations/latest-texts";
import { createAnnotation, getAnnotation } from "@/lib/annotations/service";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getAnnotationHistory } from "@/lib/history/service";
import { addVersion } from "@/lib/versions/service";
import { createComparison, createUser } from "@/tests/support/factories";

let analyst: Actor;

beforeAll(async () => {
  analyst = await createUser("analyst");
});

const filler = "The convoy passed the checkpoint at dawn, witnesses said. ".repeat(7_000); // ≈ 400,000 characters

describe("creating an annotation", () => {
  it("answers with exactly what is stored, on 400,000-character sources, with tags, credibility and three passages", async () => {
    const comparison = await createComparison({
      leftText: `${filler}Wagner left Mali in June.`,
      rightText: `${filler}Wagner announced its departure.`,
      moreTexts: [`${filler}The Africa Corps arrived.`],
    });
    const [a, b, c] = comparison.sources;
    const quote = (source: { id: string; text: string }, exact: string) => {
      const start = source.text.indexOf(exact);
      return { sourceId: source.id, start, end: start + exact.length, exact };
    };
    const created = await createAnnotation(analyst, comparison.id, {
      kind: "agreement",
      rationale: "All three say Wagner left.",
      confidence: "high",
      credibility: 2,
      tags: ["wagner", "mali"],
      spans: [quote(a!, "Wagner left Mali"), quote(b!, "announced its departure"), quote(c!, "Africa Corps arrived")],
    });
    expect(await getAnnotation(analyst, created.id)).toEqual(created);
    expect(created).toMatchObject({ status: "draft", version: 1, tags: ["wagner", "mali"], credibility: 2, author: { id: analyst.id } });
    expect(created.spans.map((span) => span.exact)).toEqual(["Wagner left Mali", "announced its departure", "Africa Corps arrived"]);
    expect(created.spans[0]!.prefix.length).toBeGreaterThan(0);
  });

  it("a create that submits records the creation, then the submission, each with the actor and the comparison", async () => {
    const comparison = await createComparison();
    const exact = comparison.left.text.split(". ")[0]!;
    const created = await createAnnotation(analyst, comparison.id, {
      kind: "note",
      rationale: "Submitted at once.",
      submit: true,
      spans: [{ sourceId: comparison.left.id, start: 0, end: exact.length, exact }],
    });
    expect(created).toMatchObject({ status: "in_review", submittedAt: created.createdAt });
    expect(await getAnnotation(analyst, created.id)).toEqual(created);
    const history = await getAnnotationHistory(analyst, created.id);
    expect(history.events.map((event) => [event.action, event.actor?.id])).toEqual([
      ["annotation.create", analyst.id],
      ["annotation.submit", analyst.id],
    ]);
    const rows = await db.auditEvent.findMany({
      where: { entityId: created.id },
      select: { comparisonId: true, before: true, after: true },
    });
    expect(rows.every((row) => row.comparisonId === comparison.id)).toBe(true);
    const creation = rows.find((row) => (row.after as { status?: string }).status === "draft" && row.before === null);
    expect(creation?.after).toMatchObject({ id: created.id, rationale: "Submitted at once.", spans: [{ exact }] });
  });

  it("a span that does not match the source's text is refused and nothing is written", async () => {
    const comparison = await createComparison();
    const before = await db.annotation.count({ where: { comparisonId: comparison.id } });
    await expect(
      createAnnotation(analyst, comparison.id, {
        kind: "note",
        rationale: "Wrong quote.",
        spans: [{ sourceId: comparison.left.id, start: 0, end: 6, exact: "Nobody" }],
      }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await db.annotation.count({ where: { comparisonId: comparison.id } })).toBe(before);
    expect(await db.auditEvent.count({ where: { comparisonId: comparison.id, action: "annotation.create" } })).toBe(0);
  });

  it("writes nothing when a source got a new version between reading its text and writing (the caller reads again)", async () => {
    const comparison = await createComparison({ createdById: analyst.id });
    const exact = comparison.left.text.split(". ")[0]!;
    const spans = [{ sourceId: comparison.left.id, start: 0, end: exact.length, exact }];
    const stale = await readComparisonTexts(db, comparison.id);
    await addVersion(analyst, comparison.left.id, { text: `Update: corrected.\n\n${comparison.left.text}` });
    const attempt = {
      comparisonId: comparison.id,
      author: { id: analyst.id, name: analyst.name },
      kind: "note" as const,
      rationale: "Read before the new version.",
      confidence: "medium" as const,
      credibility: null,
      tags: [],
      submit: false,
      spans: verifyOnLatest("note", spans, stale),
      versions: stale.versions,
    };
    expect(await insertAnnotation(db, attempt, (view) => [{ action: "annotation.create", after: view }], stale.seen)).toBeNull();
    expect(await db.annotation.count({ where: { comparisonId: comparison.id } })).toBe(0);
    // Through the service the old offsets are checked against the new text (refused); the new ones land on the new version.
    await expect(createAnnotation(analyst, comparison.id, { kind: "note", rationale: "Old offsets.", spans })).rejects.toMatchObject({
      status: 422,
    });
    const start = "Update: corrected.\n\n".length;
    const created = await createAnnotation(analyst, comparison.id, {
      kind: "note",
      rationale: "After.",
      spans: [{ sourceId: comparison.left.id, start, end: start + exact.length, exact }],
    });
    const latest = await db.sourceVersion.findFirst({ where: { sourceId: comparison.left.id }, orderBy: { number: "desc" } });
    expect(created.spans[0]!.anchor).toMatchObject({ status: "unchanged", intactVersion: { id: latest!.id, number: 2 } });
  });
});
