// Importing annotations made elsewhere: the W3C round trip on the seeded
// comparison, Hypothesis rows made on a slightly different version of an
// article, code points, fuzzy matches that wait for confirmation, and bad
// files that are refused whole.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { exportW3c } from "@/lib/interop/export-service";
import { importAnnotations } from "@/lib/interop/import-service";
import { IMPORT_MAX_ITEMS } from "@/lib/interop/import/limits";
import type { ImportReport } from "@/lib/interop/import/types";
import { untrustedInput } from "@/lib/validation";
import { seedDemo } from "@/prisma/seed";
import { createComparison, createUser, type TestUser } from "@/tests/support/factories";

import { copyComparison, hypothesisRow } from "./interop-support";

const baseUrl = "https://parallax.example.org";
let admin: TestUser;
let importer: TestUser;

beforeAll(async () => {
  [admin, importer] = await Promise.all([createUser("admin"), createUser("analyst")]);
  await seedDemo(() => {});
});

function run(
  comparisonId: string,
  document: unknown,
  query: Record<string, string> = {},
  actor: TestUser = importer,
): Promise<ImportReport> {
  return importAnnotations(actor, comparisonId, untrustedInput(document), query);
}

async function spansOf(comparisonId: string, authorId: string) {
  const rows = await db.annotation.findMany({
    where: { comparisonId, authorId },
    select: {
      kind: true,
      rationale: true,
      tags: true,
      credibility: true,
      status: true,
      spans: { select: { sourceId: true, start: true, end: true, exact: true }, orderBy: { position: "asc" } },
    },
    orderBy: { rationale: "asc" },
  });
  return rows;
}

describe("W3C round trip", () => {
  it("restores the same spans, kinds, tags and grades on the seeded comparison, as drafts of the importer", async () => {
    const seeded = await db.comparison.findFirstOrThrow({
      where: { title: "Wagner's exit from Mali: withdrawal or rebrand?" },
      select: { id: true },
    });
    const { document } = await exportW3c(admin, seeded.id, { pageSize: "5000" }, { baseUrl });
    const target = await copyComparison(seeded.id, importer.id);

    const dry = await run(target, document, { dryRun: "true" });
    expect(dry.dryRun).toBe(true);
    expect(dry.summary).toMatchObject({ total: 4, anchored: 4, fuzzy: 0, orphaned: 0, imported: 0 });
    expect(await db.annotation.count({ where: { comparisonId: target } })).toBe(0);

    const report = await run(target, document);
    expect(report.summary).toMatchObject({ total: 4, anchored: 4, imported: 4 });
    const original = await db.annotation.findMany({
      where: { comparisonId: seeded.id },
      select: {
        kind: true,
        rationale: true,
        tags: true,
        credibility: true,
        spans: { select: { sourceId: true, start: true, end: true, exact: true }, orderBy: { position: "asc" } },
      },
      orderBy: { rationale: "asc" },
    });
    const restored = await spansOf(target, importer.id);
    expect(restored.map(({ status: _status, ...rest }) => rest)).toEqual(original);
    expect(restored.every((annotation) => annotation.status === "draft")).toBe(true);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "annotation.import", entityId: report.items[0]!.annotationId! },
    });
    expect(audit.actorId).toBe(importer.id);
    expect(audit.after).toMatchObject({
      origin: { format: "w3c", id: expect.stringMatching(/^https:\/\/parallax\.example\.org\/api\/v1\/annotations\//) },
    });
    expect(await db.auditEvent.count({ where: { action: "comparison.import", entityId: target } })).toBe(1);

    // The same file again: everything is already there.
    const again = await run(target, document);
    expect(again.summary).toMatchObject({ duplicate: 4, imported: 0 });
    expect(await db.annotation.count({ where: { comparisonId: target } })).toBe(4);
  });
});

describe("Hypothesis import", () => {
  // The page the annotator saw: a teaser Parallax's cleaned text does not have, and a last sentence the newer text removed.
  const kept1 = "Most fighters have simply reappeared under the Kremlin-backed Africa Corps";
  const kept2 = "The junta praised the Russian instructors.";
  const removed = "Drone strikes near Kidal killed eleven people last week.";
  const parallaxText = `Wagner fighters left Mali in June. ${kept1}, up to 80% of them according to local sources. ${kept2} Residents of Bamako remain wary.`;
  const pageText = `🙂 Subscribe for updates! Wagner fighters left Mali in June. ${kept1}, up to 80% of them according to local sources. ${kept2} Residents of Bamako remain wary. ${removed}`;

  it("anchors the unchanged passages exactly and orphans the removed one, writing nothing orphaned", async () => {
    const comparison = await createComparison({ leftText: parallaxText, createdById: importer.id });
    const rows = [
      hypothesisRow(pageText, kept1, { tags: ["rebrand"] }),
      hypothesisRow(pageText, removed),
      hypothesisRow(pageText, kept2, { text: "" }),
    ];
    const report = await run(comparison.id, { total: 3, rows });
    expect(report.format).toBe("hypothesis");
    expect(report.summary).toMatchObject({ total: 3, anchored: 2, orphaned: 1, imported: 2 });
    const [first, gone, third] = report.items;
    expect(first!.passages[0]).toMatchObject({
      outcome: "anchored",
      start: parallaxText.indexOf(kept1),
      attachedText: kept1,
      sourceLabel: "A",
    });
    expect(gone).toMatchObject({ outcome: "orphaned", annotationId: null, passages: [{ outcome: "orphaned", quote: removed }] });
    expect(third!.passages[0]).toMatchObject({ start: parallaxText.indexOf(kept2), end: parallaxText.indexOf(kept2) + kept2.length });
    expect(third!.warnings.join(" ")).toContain("no comment");
    const written = await spansOf(comparison.id, importer.id);
    expect(written.map((a) => a.spans[0]!.exact).sort()).toEqual([kept1, kept2].sort());
    expect(written.find((a) => a.spans[0]!.exact === kept1)).toMatchObject({ kind: "note", tags: ["rebrand"] });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "annotation.import", entityId: first!.annotationId! } });
    expect(audit.after).toMatchObject({
      origin: { format: "hypothesis", creator: "jane@hypothes.is", uri: "https://news.example/wagner-rifts" },
    });
  });

  it("reports a reworded passage as fuzzy with the text it attached to, and writes it only when confirmed", async () => {
    const comparison = await createComparison({ leftText: parallaxText, createdById: importer.id });
    const page = pageText.replace("The junta praised", "The junta had praised");
    // Reworded; and a quote whose context before it is the page's teaser, which Parallax's text does not have.
    const rows = [
      hypothesisRow(page, "The junta had praised the Russian instructors."),
      hypothesisRow(page, "Wagner fighters left Mali in June."),
    ];
    const report = await run(comparison.id, { rows });
    expect(report.items[0]).toMatchObject({ outcome: "fuzzy", passages: [{ outcome: "fuzzy", attachedText: kept2 }], annotationId: null });
    expect(report.items[1]).toMatchObject({
      outcome: "fuzzy",
      passages: [{ outcome: "fuzzy", start: 0, attachedText: "Wagner fighters left Mali in June." }],
    });
    expect(report.summary.imported).toBe(0);
    expect(await db.annotation.count({ where: { comparisonId: comparison.id } })).toBe(0);
    const confirmed = await run(comparison.id, { rows }, { confirm: "0" });
    expect(confirmed.summary.imported).toBe(1);
    expect(confirmed.items.map((item) => item.annotationId !== null)).toEqual([true, false]);
    expect((await spansOf(comparison.id, importer.id))[0]!.spans[0]!.exact).toBe(kept2);
  });

  it("reports replies and page notes without importing them", async () => {
    const comparison = await createComparison({ leftText: parallaxText });
    const pageNote = { ...hypothesisRow(pageText, kept1), target: [{ source: "https://news.example/wagner-rifts" }] };
    const reply = hypothesisRow(pageText, kept1, { references: ["hyp000001"] });
    const report = await run(comparison.id, { rows: [pageNote, reply] }, { dryRun: "1" });
    expect(report.items.map((item) => [item.outcome, item.reason])).toEqual([
      ["rejected", expect.stringContaining("selects no passage")],
      ["rejected", expect.stringContaining("reply")],
    ]);
  });
});

describe("code points and sources", () => {
  it("uses the W3C position (code points after emoji) to choose between two copies of a quote", async () => {
    const text = "🙂🙂 The council met. 🎉 The council met. Nothing else happened.";
    const comparison = await createComparison({ leftText: text, rightText: "Another article entirely." });
    const secondUtf16 = text.lastIndexOf("The council met.");
    const secondCodePoints = Array.from(text.slice(0, secondUtf16)).length;
    expect(secondCodePoints).toBe(secondUtf16 - 3);
    const annotation = {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: "urn:uuid:7b0a3b5e-1f37-4d8e-9a55-1f2a3b4c5d6e",
      type: "Annotation",
      bodyValue: "The second meeting.",
      target: {
        source: `${baseUrl}/api/v1/sources/${comparison.left.id}`,
        selector: [
          { type: "TextQuoteSelector", exact: "The council met." },
          { type: "TextPositionSelector", start: secondCodePoints, end: secondCodePoints + 16 },
        ],
      },
    };
    const report = await run(comparison.id, annotation, { dryRun: "true" });
    expect(report.items[0]).toMatchObject({ outcome: "anchored", kind: "note", passages: [{ start: secondUtf16, end: secondUtf16 + 16 }] });
  });

  it("finds the source by trying each when the target names none of them, and refuses an ambiguous one", async () => {
    const comparison = await createComparison();
    const quote = "claiming mission accomplished";
    const w3c = (exact: string) => ({
      type: "Annotation",
      bodyValue: "x",
      target: { source: "https://elsewhere.example/", selector: { type: "TextQuoteSelector", exact } },
    });
    const found = await run(comparison.id, w3c(quote), { dryRun: "true" });
    expect(found.items[0]!.passages[0]).toMatchObject({ outcome: "anchored", sourceId: comparison.right.id, sourceLabel: "B" });
    const both = await createComparison({
      leftText: "Wagner left Mali. Officials said so.",
      rightText: "Reports differ. Wagner left Mali.",
    });
    const ambiguous = await run(both.id, w3c("Wagner left Mali."), { dryRun: "true" });
    expect(ambiguous.items[0]).toMatchObject({
      outcome: "orphaned",
      passages: [{ reason: expect.stringContaining("more than one source") }],
    });
  });

  it("imports a W3C link with its kind, and refuses one that does not say agreement or contradiction", async () => {
    const comparison = await createComparison();
    const targets = [
      {
        source: `${baseUrl}/api/v1/sources/${comparison.left.id}`,
        selector: { type: "TextQuoteSelector", exact: "Wagner fighters left Mali in June." },
      },
      {
        source: `${baseUrl}/api/v1/sources/${comparison.right.id}`,
        selector: { type: "TextQuoteSelector", exact: "claiming mission accomplished" },
      },
    ];
    const classified = {
      type: "Annotation",
      motivation: "linking",
      body: [
        { type: "TextualBody", value: "Left vs stayed" },
        { type: "TextualBody", purpose: "classifying", value: "contradiction" },
      ],
      target: targets,
    };
    const unclassified = { type: "Annotation", motivation: "linking", bodyValue: "Related", target: targets };
    const report = await run(comparison.id, { type: "AnnotationPage", items: [classified, unclassified] }, { dryRun: "true" });
    expect(report.items.map((item) => item.outcome)).toEqual(["anchored", "rejected"]);
    expect(report.items[0]!.kind).toBe("contradiction");
    expect(report.items[1]!.reason).toContain("does not say whether they agree or contradict");
  });
});

describe("bad files", () => {
  it("refuses unknown selector types, malformed selectors and non-annotation documents, writing nothing", async () => {
    const comparison = await createComparison();
    const before = await db.annotation.count();
    const good = hypothesisRow(comparison.left.text, "Wagner fighters left Mali in June.");
    const svg = { ...good, target: [{ source: good.uri, selector: [{ type: "SvgSelector", value: "<svg/>" }] }] };
    await expect(run(comparison.id, { rows: [good, svg] })).rejects.toMatchObject({
      code: "unprocessable",
      errors: { "rows.1.target.0.selector": expect.stringContaining('Unknown selector type "SvgSelector"') },
    });
    const badPosition = { ...good, target: [{ source: good.uri, selector: [{ type: "TextPositionSelector", start: -3, end: 2 }] }] };
    await expect(run(comparison.id, { rows: [badPosition] })).rejects.toMatchObject({
      errors: { "rows.0.target.0.selector.0.start": expect.any(String) },
    });
    await expect(run(comparison.id, { hello: "world" })).rejects.toMatchObject({
      code: "unprocessable",
      message: expect.stringContaining("Not an annotation file"),
    });
    await expect(run(comparison.id, [{ type: "Note" }])).rejects.toMatchObject({ errors: { "0.type": expect.any(String) } });
    await expect(run(comparison.id, { type: "AnnotationCollection", total: 3, first: "https://x.example/page1" })).rejects.toMatchObject({
      code: "unprocessable",
    });
    expect(await db.annotation.count()).toBe(before);
  });

  it("answers a 100,000-item collection with a clear 413 before reading any item", async () => {
    const comparison = await createComparison();
    const items = Array.from({ length: 100_000 }, () => ({ type: "Annotation" }));
    const error = await run(comparison.id, { type: "AnnotationCollection", first: { type: "AnnotationPage", items } }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "too_large",
      message: `The file holds 100,000 annotations; import at most ${IMPORT_MAX_ITEMS.toLocaleString("en")} at a time (split the file).`,
    });
  });

  it("validates the query and the comparison", async () => {
    const comparison = await createComparison();
    await expect(run(comparison.id, { rows: [] }, { dryRun: "maybe" })).rejects.toMatchObject({
      code: "bad_request",
      errors: { dryRun: expect.any(String) },
    });
    await expect(run(comparison.id, { rows: [] }, { confirm: "1;2" })).rejects.toMatchObject({ errors: { confirm: expect.any(String) } });
    await expect(run("8a1b7c4e-0000-4000-8000-000000000000", { rows: [] }, { dryRun: "true" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
