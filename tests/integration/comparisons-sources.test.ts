// A comparison's list of 2–12 sources: creating, adding, removing, reordering,
// relabelling and grading, with the permissions and the "nothing half-written"
// rule, against the real database.
import { beforeAll, describe, expect, it } from "vitest";

import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { createComparison, getComparison, getComparisonMatrix, updateComparison } from "@/lib/comparisons/service";
import {
  addComparisonSource,
  removeComparisonSource,
  reorderComparisonSources,
  updateComparisonSource,
} from "@/lib/comparisons/sources-service";
import { db } from "@/lib/db";
import { getAnnotationHistory } from "@/lib/history/service";
import { createSource, updateSource } from "@/lib/sources/service";
import type { Actor } from "@/lib/auth/actor";

import { counts, createActor, spanOf, uniqueTitle } from "./sources-support";

let owner: Actor;
let otherAnalyst: Actor;
let reviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  [owner, otherAnalyst, reviewer, admin] = await Promise.all([
    createActor("analyst"),
    createActor("analyst"),
    createActor("reviewer"),
    createActor("admin"),
  ]);
});

const texts = [
  "Wagner left Mali in June. Most fighters reappeared under the Africa Corps, up to 80% of them.",
  "Wagner announced its departure, claiming mission accomplished. Most personnel will be reassigned to the Africa Corps.",
  "The Africa Corps took over Wagner's bases. About half of its personnel previously served with Wagner.",
  "Residents of Bamako remain wary of foreign forces.",
];

async function sourcesOf(actor: Actor, n: number) {
  return Promise.all(texts.slice(0, n).map((text, i) => createSource(actor, { title: uniqueTitle(`Outlet ${i}`), text })));
}

async function threeSourceComparison() {
  const sources = await sourcesOf(owner, 3);
  const created = await createComparison(owner, { title: uniqueTitle("Three outlets"), sourceIds: sources.map((s) => s.id) });
  return { created, detail: await getComparison(owner, created.id) };
}

describe("creating with several sources", () => {
  it("holds three sources in order, labelled A, B, C, and returns them with their text", async () => {
    const { detail } = await threeSourceComparison();
    expect(detail.sources.map((s) => [s.position, s.label, s.customLabel, s.reliability])).toEqual([
      [0, "A", null, null],
      [1, "B", null, null],
      [2, "C", null, null],
    ]);
    expect(detail.sources[2]!.text).toBe(texts[2]);
  });

  it("mixes existing sources and inline imports, with custom labels", async () => {
    const [existing] = await sourcesOf(owner, 1);
    const created = await createComparison(owner, {
      title: uniqueTitle("Mixed"),
      sources: [
        { sourceId: existing!.id, label: "Reuters" },
        { title: uniqueTitle("Pasted"), text: texts[1]!, label: "AFP" },
        { title: uniqueTitle("Third"), text: texts[2]! },
      ],
    });
    expect(created.sources.map((s) => s.label)).toEqual(["Reuters", "AFP", "C"]);
  });

  it("refuses fewer than 2, more than 12, and duplicates, naming the field and storing nothing", async () => {
    const [a, b] = await sourcesOf(owner, 2);
    const before = await counts();
    await expect(createComparison(owner, { title: "One", sourceIds: [a!.id] })).rejects.toMatchObject({
      status: 400,
      errors: { sourceIds: "A comparison needs at least 2 sources." },
    });
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ title: `T${i}`, text: `Text ${i}.` }));
    await expect(createComparison(owner, { title: "Thirteen", sources: thirteen })).rejects.toMatchObject({
      status: 400,
      errors: { sources: "A comparison holds at most 12 sources." },
    });
    await expect(createComparison(owner, { title: "Twice", sourceIds: [a!.id, b!.id, a!.id] })).rejects.toMatchObject({
      status: 422,
      errors: { "sourceIds.2": "This source is already in the comparison." },
    });
    await expect(createComparison(owner, { title: "Both", sourceIds: [a!.id, b!.id], sources: [] })).rejects.toMatchObject({ status: 400 });
    await expect(createComparison(owner, { title: "Neither" })).rejects.toMatchObject({
      status: 400,
      errors: { sourceIds: expect.any(String) },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("annotations across several sources", () => {
  it("links one agreement across three outlets, and refuses a passage in a source outside the comparison", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, b, c] = detail.sources;
    const agreement = await createAnnotation(owner, created.id, {
      kind: "agreement",
      rationale: "All three place former Wagner fighters in the Africa Corps.",
      credibility: 1,
      spans: [
        spanOf(a!, "reappeared under the Africa Corps"),
        spanOf(b!, "reassigned to the Africa Corps"),
        spanOf(c!, "took over Wagner's bases"),
      ],
    });
    expect(new Set(agreement.spans.map((s) => s.sourceId))).toEqual(new Set([a!.id, b!.id, c!.id]));
    expect(agreement.credibility).toBe(1);

    const [outsider] = await sourcesOf(owner, 1);
    await expect(
      createAnnotation(owner, created.id, {
        kind: "note",
        rationale: "Elsewhere.",
        spans: [spanOf({ id: outsider!.id, text: texts[0]! }, "Wagner left Mali")],
      }),
    ).rejects.toMatchObject({ status: 422, errors: { "spans.0.sourceId": "This source is not part of the comparison." } });
  });

  it("accepts credibility 1–6 only, and records a grade change in the history", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, , c] = detail.sources;
    const spans = [spanOf(a!, "up to 80% of them"), spanOf(c!, "About half of its personnel")];
    await expect(
      createAnnotation(owner, created.id, { kind: "contradiction", rationale: "80% vs half.", credibility: 7, spans }),
    ).rejects.toMatchObject({ status: 400, errors: { credibility: "Use a credibility grade from 1 to 6." } });
    const contradiction = await createAnnotation(owner, created.id, {
      kind: "contradiction",
      rationale: "80% vs half.",
      credibility: 3,
      spans,
    });
    await updateAnnotation(owner, contradiction.id, { version: 1, credibility: 2 });
    const history = await getAnnotationHistory(owner, contradiction.id);
    expect(history.events.at(-1)!.changes).toContainEqual({ field: "credibility", before: 3, after: 2 });
  });
});

describe("adding, removing and ordering sources", () => {
  it("adds an existing source at the end, or a new one at a position, and keeps positions without gaps", async () => {
    const { created } = await threeSourceComparison();
    const [extra] = await sourcesOf(owner, 1);
    const withExtra = await addComparisonSource(owner, created.id, { sourceId: extra!.id });
    expect(withExtra.sources.map((s) => s.id).at(-1)).toBe(extra!.id);
    const withNew = await addComparisonSource(owner, created.id, {
      title: uniqueTitle("Inline"),
      text: texts[3]!,
      position: 1,
      label: "Local",
    });
    expect(withNew.sources.map((s) => s.label)).toEqual(["A", "Local", "C", "D", "E"]);
    const rows = await db.comparisonSource.findMany({ where: { comparisonId: created.id }, orderBy: { position: "asc" } });
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    await expect(addComparisonSource(owner, created.id, { sourceId: extra!.id })).rejects.toMatchObject({ status: 409 });
  });

  it("removes a source no annotation uses, refuses one in use (409) and never goes below two", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, b, c] = detail.sources;
    await createAnnotation(owner, created.id, { kind: "note", rationale: "On A.", spans: [spanOf(a!, "Wagner left Mali")] });
    await expect(removeComparisonSource(owner, created.id, a!.id)).rejects.toMatchObject({
      status: 409,
      errors: { sourceId: "Annotations use this source." },
    });
    const after = await removeComparisonSource(owner, created.id, b!.id);
    expect(after.sources.map((s) => [s.id, s.label])).toEqual([
      [a!.id, "A"],
      [c!.id, "B"],
    ]);
    await expect(removeComparisonSource(owner, created.id, c!.id)).rejects.toMatchObject({ status: 409 });
    await expect(removeComparisonSource(owner, created.id, b!.id)).rejects.toMatchObject({ status: 404 });
  });

  it("reorders the whole list or moves one source, and refuses an incomplete order", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, b, c] = detail.sources.map((s) => s.id);
    expect((await reorderComparisonSources(owner, created.id, { sourceIds: [c!, a!, b!] })).sources.map((s) => s.id)).toEqual([c, a, b]);
    await expect(reorderComparisonSources(owner, created.id, { sourceIds: [c!, a!] })).rejects.toMatchObject({ status: 422 });
    await updateComparisonSource(owner, created.id, a!, { position: 2, label: "Wire" });
    const now = await getComparison(owner, created.id);
    expect(now.sources.map((s) => [s.id, s.label])).toEqual([
      [c, "A"],
      [b, "B"],
      [a, "Wire"],
    ]);
  });

  it("keeps structure to the creator and admins, while anyone may grade", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, b] = detail.sources;
    const [extra] = await sourcesOf(otherAnalyst, 1);
    await expect(addComparisonSource(otherAnalyst, created.id, { sourceId: extra!.id })).rejects.toMatchObject({ status: 403 });
    await expect(removeComparisonSource(reviewer, created.id, b!.id)).rejects.toMatchObject({ status: 403 });
    await expect(updateComparisonSource(otherAnalyst, created.id, a!.id, { label: "Mine" })).rejects.toMatchObject({ status: 403 });
    await expect(updateComparison(otherAnalyst, created.id, { title: "Renamed by someone else" })).rejects.toMatchObject({ status: 403 });
    await expect(updateComparison(reviewer, created.id, { archived: true })).rejects.toMatchObject({ status: 403 });
    await expect(updateComparison(admin, created.id, { title: "Renamed by an admin" })).resolves.toMatchObject({
      title: "Renamed by an admin",
    });

    const graded = await updateComparisonSource(otherAnalyst, created.id, a!.id, { reliability: "B", reliabilityNote: "Good record." });
    expect(graded).toMatchObject({ reliability: "B", reliabilityNote: "Good record.", gradedBy: { id: otherAnalyst.id } });
    expect(graded.gradedAt).toEqual(expect.any(String));
    await expect(updateComparisonSource(owner, created.id, a!.id, { reliability: "G" as "A" })).rejects.toMatchObject({
      status: 400,
      errors: { reliability: "Use a reliability grade from A to F." },
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "comparison.source_grade" } });
    expect(audit).toMatchObject({ actorId: otherAnalyst.id, after: expect.objectContaining({ reliability: "B" }) });
    expect((await getComparison(reviewer, created.id)).sources[0]).toMatchObject({ reliability: "B" });
  });

  it("lets only the importer (or an admin) change a source's metadata", async () => {
    const [source] = await sourcesOf(owner, 1);
    await expect(updateSource(otherAnalyst, source!.id, { title: "Hijacked" })).rejects.toMatchObject({ status: 403 });
    await expect(updateSource(admin, source!.id, { outlet: "Corrected outlet" })).resolves.toMatchObject({ outlet: "Corrected outlet" });
    await expect(updateSource(owner, source!.id, { title: "Better title" })).resolves.toMatchObject({ title: "Better title" });
  });
});

describe("evidence matrix", () => {
  it("derives one row per claim with each source's stance, and counts contradictions per source", async () => {
    const { created, detail } = await threeSourceComparison();
    const [a, b, c] = detail.sources;
    await createAnnotation(owner, created.id, {
      kind: "agreement",
      rationale: "Africa Corps.",
      submit: true,
      spans: [spanOf(a!, "reappeared under the Africa Corps"), spanOf(b!, "reassigned to the Africa Corps")],
    });
    await createAnnotation(owner, created.id, {
      kind: "contradiction",
      rationale: "80% vs half.",
      credibility: 3,
      submit: true,
      spans: [spanOf(a!, "up to 80% of them"), spanOf(c!, "About half of its personnel")],
    });
    await createAnnotation(owner, created.id, {
      kind: "note",
      rationale: "Not a claim.",
      spans: [spanOf(b!, "claiming mission accomplished")],
    });
    const matrix = await getComparisonMatrix(reviewer, created.id);
    expect(matrix.columns.map((col) => [col.label, col.supports, col.contradicted])).toEqual([
      ["A", 2, 1],
      ["B", 1, 0],
      ["C", 0, 1],
    ]);
    expect(matrix.rows.map((row) => [row.kind, row.cells.map((cell) => cell.stance)])).toEqual([
      ["agreement", ["supports", "supports", "not_linked"]],
      ["contradiction", ["supports", "not_linked", "contradicts"]],
    ]);
    expect(matrix.rows[1]!.cells[2]!.quotes).toEqual(["About half of its personnel"]);
    const filtered = await getComparisonMatrix(reviewer, created.id, { kind: "contradiction", credibility: "3" } as never);
    expect(filtered.rows).toHaveLength(1);
  });
});
