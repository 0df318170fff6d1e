// Deciding on suggestions: accept makes the analyst's own draft through the
// annotation service (with its origin in the history), dismiss is remembered
// and idempotent, and every conflict or bad input gets a clear answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getAnnotation } from "@/lib/annotations/service";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getAnnotationHistory } from "@/lib/history/service";
import { updateSource } from "@/lib/sources/service";
import { acceptSuggestion, dismissSuggestion, listSuggestions } from "@/lib/suggestions/service";
import { ENGINE_VERSION } from "@/lib/suggestions/version";
import { stopEngineThread } from "@/lib/suggestions/worker/engine-thread";

import { createActor } from "./sources-support";
import { createSuggestedComparison, fixtureText, jobOf, testRunner } from "./suggestions-support";

let analyst: Actor;
let otherAnalyst: Actor;
let reviewer: Actor;
let admin: Actor;
const runner = testRunner("decisions");

beforeAll(async () => {
  [analyst, otherAnalyst, reviewer, admin] = await Promise.all([
    createActor("analyst"),
    createActor("analyst"),
    createActor("reviewer"),
    createActor("admin"),
  ]);
  await runner.runUntilIdle();
});

afterAll(async () => {
  await runner.stop();
  await stopEngineThread();
});

async function computedComparison() {
  const comparison = await createSuggestedComparison(analyst, [
    { text: fixtureText("factory-fire", "a") },
    { text: fixtureText("factory-fire", "b") },
  ]);
  await runner.runUntilIdle();
  const { suggestions } = await listSuggestions(analyst, comparison.id);
  expect(suggestions.length).toBeGreaterThan(2);
  return { comparison, suggestions };
}

const problem = (error: unknown) =>
  error as { status: number; message: string; errors?: Record<string, string>; extra?: { current?: unknown } };

async function rejection(promise: Promise<unknown>) {
  return problem(
    await promise.then(
      () => expect.fail("expected a refusal"),
      (error: unknown) => error,
    ),
  );
}

describe("accepting", () => {
  it("makes a draft annotation of the analyst's with the passages, kind and a rationale from the reasons, and records its origin", async () => {
    const { comparison, suggestions } = await computedComparison();
    const suggestion = suggestions.find((s) => s.kind === "contradiction") ?? suggestions[0]!;
    const { annotation, suggestion: decided } = await acceptSuggestion(analyst, suggestion.id);

    expect(annotation).toMatchObject({ status: "draft", kind: suggestion.kind, author: { id: analyst.id }, comparisonId: comparison.id });
    expect(annotation.spans.map(({ sourceId, start, end, exact }) => ({ sourceId, start, end, exact }))).toEqual(suggestion.spans);
    for (const reason of suggestion.reasons) expect(annotation.rationale).toContain(reason);
    expect(annotation.rationale).toMatch(/^A and B appear to (contradict each other|agree):/);
    expect(decided).toMatchObject({ status: "accepted", annotationId: annotation.id, decidedBy: { id: analyst.id } });

    const history = await getAnnotationHistory(analyst, annotation.id);
    expect(history.events[0]).toMatchObject({
      action: "annotation.create",
      origin: { type: "suggestion", suggestionId: suggestion.id, engineVersion: ENGINE_VERSION, score: suggestion.score },
    });
    const audit = await db.auditEvent.findMany({ where: { entityType: "suggestion", entityId: suggestion.id } });
    expect(audit.map((event) => event.action)).toEqual(["suggestion.accept"]);

    const open = await listSuggestions(analyst, comparison.id);
    expect(open.suggestions.map((s) => s.id)).not.toContain(suggestion.id);
  });

  it("answers 409 with the current state when another analyst already accepted it, and keeps the first analyst's draft private", async () => {
    const { suggestions } = await computedComparison();
    const { annotation } = await acceptSuggestion(analyst, suggestions[0]!.id);
    const refused = await rejection(acceptSuggestion(otherAnalyst, suggestions[0]!.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/already accepted by Test analyst/);
    expect(refused.extra?.current).toMatchObject({ status: "accepted", decidedBy: { id: analyst.id }, annotationId: null });
    expect(await db.annotation.count({ where: { comparisonId: suggestions[0]!.comparisonId } })).toBe(1);
    await expect(getAnnotation(otherAnalyst, annotation.id)).rejects.toMatchObject({ status: 404 });
    // Admins see which draft it became.
    const asAdmin = await rejection(acceptSuggestion(admin, suggestions[0]!.id));
    expect(asAdmin.extra?.current).toMatchObject({ annotationId: annotation.id });
  });

  it("lets exactly one of two simultaneous accepts win", async () => {
    const { suggestions } = await computedComparison();
    const results = await Promise.allSettled([
      acceptSuggestion(analyst, suggestions[1]!.id),
      acceptSuggestion(otherAnalyst, suggestions[1]!.id),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const loser = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(problem(loser.reason).status).toBe(409);
    expect(await db.annotation.count({ where: { comparisonId: suggestions[1]!.comparisonId } })).toBe(1);
  });

  it("answers 409 when the source text changed since the computation, writes nothing and queues a recomputation", async () => {
    const { comparison, suggestions } = await computedComparison();
    const suggestion = suggestions[0]!;
    const changed = comparison.sources[1]!;
    await updateSource(analyst, changed.id, { text: `Update: ${changed.text}` });
    const refused = await rejection(acceptSuggestion(analyst, suggestion.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/no longer matches its source/);
    expect(refused.extra?.current).toMatchObject({ id: suggestion.id, status: "open" });
    expect(await db.annotation.count({ where: { comparisonId: comparison.id } })).toBe(0);
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: suggestion.id } })).toMatchObject({ status: "open", annotationId: null });
    expect(await jobOf(comparison.id)).toMatchObject({ status: "queued", reason: "source text changed" });
  });

  it("lets reviewers accept too (their own draft), and 404s unknown suggestions", async () => {
    const { suggestions } = await computedComparison();
    const { annotation } = await acceptSuggestion(reviewer, suggestions[0]!.id);
    expect(annotation.author.id).toBe(reviewer.id);
    await expect(acceptSuggestion(analyst, "6f1c1c59-3f0a-4d1e-9a51-5bdfc61a2a7e")).rejects.toMatchObject({ status: 404 });
    await expect(acceptSuggestion(analyst, "not-an-id")).rejects.toMatchObject({ status: 404 });
  });
});

describe("dismissing", () => {
  it("is idempotent: the second dismissal changes nothing and records nothing", async () => {
    const { comparison, suggestions } = await computedComparison();
    const target = suggestions[0]!;
    const first = await dismissSuggestion(analyst, target.id, { reason: "Not comparable" });
    const second = await dismissSuggestion(otherAnalyst, target.id, { reason: "Another reason" });
    expect(first).toMatchObject({ status: "dismissed", dismissReason: "Not comparable", decidedBy: { id: analyst.id } });
    expect(second).toEqual({ ...first, annotationId: null });
    expect(await db.auditEvent.count({ where: { entityType: "suggestion", entityId: target.id } })).toBe(1);
    expect(await db.suggestionDismissal.findMany({ where: { comparisonId: comparison.id } })).toEqual([
      expect.objectContaining({ key: target.key, reason: "Not comparable", dismissedById: analyst.id }),
    ]);
    expect((await listSuggestions(analyst, comparison.id)).suggestions.map((s) => s.id)).not.toContain(target.id);
  });

  it("refuses to dismiss an accepted suggestion or accept a dismissed one (409)", async () => {
    const { suggestions } = await computedComparison();
    await acceptSuggestion(analyst, suggestions[0]!.id);
    expect((await rejection(dismissSuggestion(analyst, suggestions[0]!.id))).status).toBe(409);
    await dismissSuggestion(analyst, suggestions[1]!.id);
    const refused = await rejection(acceptSuggestion(analyst, suggestions[1]!.id));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/already dismissed by you/);
  });
});

describe("bad input", () => {
  it("names the field for a bad filter and writes nothing", async () => {
    const { comparison } = await computedComparison();
    const cases: Array<[Record<string, string>, number, string]> = [
      [{ minScore: "2" }, 400, "minScore"],
      [{ minScore: "high" }, 400, "minScore"],
      [{ kind: "note" }, 400, "kind"],
      [{ sourceA: "nope" }, 400, "sourceA"],
      [{ sourceB: comparison.sources[1]!.id }, 400, "sourceB"],
      [{ sourceA: "6f1c1c59-3f0a-4d1e-9a51-5bdfc61a2a7e" }, 422, "sourceA"],
    ];
    for (const [query, status, field] of cases) {
      const refused = await rejection(listSuggestions(analyst, comparison.id, query as never));
      expect([refused.status, Object.keys(refused.errors ?? {})]).toEqual([status, [field]]);
    }
    const { suggestions } = await listSuggestions(analyst, comparison.id);
    const tooLong = await rejection(dismissSuggestion(analyst, suggestions[0]!.id, { reason: "x".repeat(501) }));
    expect([tooLong.status, Object.keys(tooLong.errors ?? {})]).toEqual([400, ["reason"]]);
    const unknown = await rejection(dismissSuggestion(analyst, suggestions[0]!.id, { why: "?" } as never));
    expect(unknown.status).toBe(400);
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: suggestions[0]!.id } })).toMatchObject({ status: "open" });
    await expect(listSuggestions(analyst, "6f1c1c59-3f0a-4d1e-9a51-5bdfc61a2a7e")).rejects.toMatchObject({ status: 404 });
  });

  it("filters by kind, score and source pair", async () => {
    const { comparison, suggestions } = await computedComparison();
    const contradictions = await listSuggestions(analyst, comparison.id, { kind: "contradiction" });
    expect(contradictions.suggestions.length).toBeGreaterThan(0);
    expect(contradictions.suggestions.every((s) => s.kind === "contradiction")).toBe(true);
    const strong = await listSuggestions(analyst, comparison.id, { minScore: "0.5" } as never);
    expect(strong.suggestions.every((s) => s.score >= 0.5)).toBe(true);
    expect(strong.total).toBe(suggestions.filter((s) => s.score >= 0.5).length);
    const [a, b] = comparison.sources;
    const reversed = await listSuggestions(analyst, comparison.id, { sourceA: b!.id, sourceB: a!.id });
    expect(reversed.total).toBe(suggestions.length);
  });
});
