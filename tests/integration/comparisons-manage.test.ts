import { describe, expect, it } from "vitest";

import { createAnnotation } from "@/lib/annotations/service";
import { createComparison, deleteComparison, getComparison, listComparisons, updateComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { createSource } from "@/lib/sources/service";

import { counts, createActor, spanOf, uniqueTitle } from "./sources-support";

const armyRifts = () => ({
  title: uniqueTitle("Army rifts"),
  outlet: "CNews Live",
  text: "Skip to content\nMost fighters have simply reappeared under the Africa Corps 🪖, up to 80%.",
});
const wagnerLeaves = () => ({
  title: uniqueTitle("Wagner leaves"),
  text: "Wagner is leaving Mali, claiming mission accomplished.\n\nRussian personnel will be reassigned.",
});
const pair = () => ({ sources: [armyRifts(), wagnerLeaves()] });

describe("creating comparisons", () => {
  it("imports two new sources and the comparison in one go", async () => {
    const analyst = await createActor();
    const created = await createComparison(analyst, {
      title: uniqueTitle("Withdrawal or rebrand?"),
      question: "Has Russia left?",
      ...pair(),
    });
    const detail = await getComparison(analyst, created.id);
    expect(detail.question).toBe("Has Russia left?");
    expect(detail.sources[0]).toMatchObject({
      outlet: "CNews Live",
      position: 0,
      label: "A",
      text: "Most fighters have simply reappeared under the Africa Corps 🪖, up to 80%.",
    });
    expect(detail.sources[1]!.text).toBe("Wagner is leaving Mali, claiming mission accomplished.\n\nRussian personnel will be reassigned.");
    const audit = await db.auditEvent.findMany({
      where: { OR: [{ entityId: created.id }, { entityId: { in: detail.sources.map((s) => s.id) } }] },
    });
    expect(audit.map((event) => event.action).sort()).toEqual(["comparison.create", "source.create", "source.create"]);
  });

  it("takes existing sources by id, in order, each once", async () => {
    const analyst = await createActor();
    const a = await createSource(analyst, { title: uniqueTitle("A"), text: "Text of A." });
    const b = await createSource(analyst, { title: uniqueTitle("B"), text: "Text of B." });
    const created = await createComparison(analyst, { title: uniqueTitle("Existing"), sourceIds: [b.id, a.id] });
    expect(created).toMatchObject({
      sources: [
        { id: b.id, label: "A" },
        { id: a.id, label: "B" },
      ],
      question: null,
    });
    await expect(createComparison(analyst, { title: "Same", sourceIds: [a.id, a.id] })).rejects.toMatchObject({
      status: 422,
      errors: { "sourceIds.1": "This source is already in the comparison." },
    });
  });

  it("stores nothing when one side fails, even after the other side's source was written", async () => {
    const analyst = await createActor();
    const before = await counts();
    await expect(
      createComparison(analyst, { title: "Broken", sources: [armyRifts(), { title: "Empty", text: "Advertisement" }] }),
    ).rejects.toMatchObject({
      status: 422,
      errors: { "sources.1.text": "No article text is left after cleaning." },
    });
    // A is inserted inside the transaction before the unknown id of B is found: it must roll back.
    await expect(
      createComparison(analyst, { title: "Unknown", sources: [armyRifts(), { sourceId: "00000000-0000-4000-8000-000000000000" }] }),
    ).rejects.toMatchObject({
      status: 422,
      errors: { "sources.1": "No source with this id." },
    });
    await expect(
      createComparison(analyst, { title: "No title", sources: [{ text: "Untitled text." }, wagnerLeaves()] }),
    ).rejects.toMatchObject({ errors: { "sources.0.title": "Give the source a title." } });
    await expect(createComparison(analyst, { title: " ", ...pair() })).rejects.toMatchObject({
      status: 400,
      errors: { title: "Give the comparison a title." },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("editing, archiving and deleting", () => {
  it("edits title and question, and archived comparisons leave the default list", async () => {
    const analyst = await createActor();
    const created = await createComparison(analyst, { title: uniqueTitle("To archive"), ...pair() });
    const edited = await updateComparison(analyst, created.id, { title: "Renamed comparison", question: "" });
    expect(edited).toMatchObject({ title: "Renamed comparison", question: null, archivedAt: null });

    await updateComparison(analyst, created.id, { archived: true });
    expect((await listComparisons(analyst)).items.map((c) => c.id)).not.toContain(created.id);
    expect((await listComparisons(analyst, { includeArchived: true })).items.find((c) => c.id === created.id)?.archivedAt).toEqual(
      expect.any(String),
    );

    await updateComparison(analyst, created.id, { archived: false });
    expect((await listComparisons(analyst)).items.map((c) => c.id)).toContain(created.id);
    const actions = await db.auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["comparison.create", "comparison.update", "comparison.archive", "comparison.unarchive"]);
  });

  it("lets only admins delete, cascading annotations, spans, reviews and comments, with an audit entry", async () => {
    const analyst = await createActor("analyst");
    const reviewer = await createActor("reviewer");
    const admin = await createActor("admin");
    const created = await createComparison(analyst, { title: uniqueTitle("To delete"), ...pair() });
    const detail = await getComparison(analyst, created.id);
    const annotation = await createAnnotation(analyst, created.id, {
      kind: "contradiction",
      rationale: "Withdrawal vs rebrand.",
      spans: [
        spanOf(detail.sources[0]!, "simply reappeared under the Africa Corps"),
        spanOf(detail.sources[1]!, "claiming mission accomplished"),
      ],
      submit: true,
    });
    await db.review.create({
      data: {
        annotationId: annotation.id,
        reviewerId: reviewer.id,
        decision: "request_changes",
        comment: "Cite the date.",
        annotationVersion: 1,
      },
    });
    await db.comment.create({ data: { annotationId: annotation.id, authorId: analyst.id, body: "Will do." } });

    await expect(deleteComparison(analyst, created.id)).rejects.toMatchObject({ status: 403 });
    await expect(deleteComparison(reviewer, created.id)).rejects.toMatchObject({ status: 403 });
    await deleteComparison(admin, created.id);

    await expect(getComparison(admin, created.id)).rejects.toMatchObject({ status: 404 });
    expect(await db.annotation.count({ where: { comparisonId: created.id } })).toBe(0);
    expect(await db.span.count({ where: { annotationId: annotation.id } })).toBe(0);
    expect(await db.review.count({ where: { annotationId: annotation.id } })).toBe(0);
    expect(await db.comment.count({ where: { annotationId: annotation.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id, action: "comparison.delete" } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.before).toMatchObject({ title: created.title, annotationCount: 1 });
    // The sources stay: other comparisons may use them, and they can be picked again.
    expect(await db.source.count({ where: { id: { in: detail.sources.map((s) => s.id) } } })).toBe(2);
    await expect(deleteComparison(admin, created.id)).rejects.toMatchObject({ status: 404 });
  });
});
