// The background computation of suggestions: a job queue in PostgreSQL that
// several app instances share, run in a worker thread off the request thread,
// with progress, retries after a crash, and recomputation when sources change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Actor } from "@/lib/auth/actor";
import { addComparisonSource, removeComparisonSource } from "@/lib/comparisons/sources-service";
import { db } from "@/lib/db";
import { createSource, updateSource } from "@/lib/sources/service";
import { claimSuggestionJob, enqueueStaleSuggestionJobs } from "@/lib/suggestions/jobs";
import { acceptSuggestion, dismissSuggestion, listSuggestions } from "@/lib/suggestions/service";
import { ENGINE_VERSION } from "@/lib/suggestions/version";
import { engineThreadState, stopEngineThread } from "@/lib/suggestions/worker/engine-thread";
import { makeArticle } from "@/bench/suggestions-data";

import { createActor, uniqueTitle } from "./sources-support";
import { createSuggestedComparison, FRENCH_TEXT, fixtureText, jobOf, sleep, testRunner } from "./suggestions-support";

let analyst: Actor;
const runner = testRunner("instance-one");

beforeAll(async () => {
  analyst = await createActor("analyst");
  // Comparisons left by earlier test files are queued too: compute them now, so each test sees only its own jobs.
  await runner.runUntilIdle();
});

afterAll(async () => {
  await runner.stop();
  await stopEngineThread();
});

const firePair = () => [{ text: fixtureText("factory-fire", "a") }, { text: fixtureText("factory-fire", "b") }];

describe("computing in the background", () => {
  it("queues a new comparison, then a runner computes checkable suggestions, best first", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    expect(await jobOf(comparison.id)).toMatchObject({ status: "queued", reason: "comparison created", attempts: 0 });
    const before = await listSuggestions(analyst, comparison.id);
    expect(before.job.status).toBe("queued");
    expect(before.suggestions).toEqual([]);

    expect(await runner.runUntilIdle()).toBe(1);

    const after = await listSuggestions(analyst, comparison.id);
    expect(after.job).toMatchObject({ status: "done", progress: 100, engineVersion: ENGINE_VERSION, attempts: 1, error: null });
    expect(after.suggestions.length).toBeGreaterThan(3);
    const scores = after.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const texts = new Map(comparison.sources.map((source) => [source.id, source.text]));
    for (const suggestion of after.suggestions) {
      expect(suggestion.spans.map((span) => span.sourceId)).toEqual(comparison.sources.map((source) => source.id));
      for (const span of suggestion.spans) expect(texts.get(span.sourceId)!.slice(span.start, span.end)).toBe(span.exact);
      expect(suggestion.reasons.length).toBeGreaterThan(0);
    }
    const injuries = after.suggestions.find(
      (s) => s.kind === "contradiction" && s.spans[0].exact.includes("No workers were injured") && s.spans[1].exact.includes("Two workers"),
    );
    expect(injuries, "the injuries contradiction").toBeDefined();
    expect(injuries!.reasons.join(" ")).toMatch(/\bA\b.*\bB\b/);
  });

  it("keeps the request thread responsive and shows progress while a long comparison computes", async () => {
    const comparison = await createSuggestedComparison(analyst, [{ text: makeArticle(12000, 1) }, { text: makeArticle(12000, 2) }]);
    let longestStallMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStallMs = Math.max(longestStallMs, now - last);
      last = now;
    }, 10);
    const seen = new Set<string>();
    const run = runner.runUntilIdle();
    let isDone = false;
    void run.then(() => (isDone = true));
    while (!isDone) {
      const { job } = await listSuggestions(analyst, comparison.id);
      seen.add(`${job.status}:${job.progress > 0 && job.progress < 100 ? "partial" : job.progress}`);
      await sleep(50);
    }
    clearInterval(ticker);
    await run;
    expect([...seen].some((state) => state.startsWith("running"))).toBe(true);
    expect(seen.has("running:partial")).toBe(true);
    const job = await jobOf(comparison.id);
    expect(job.status).toBe("done");
    // Were the engine on this thread, the thread would stall for the whole computation; it stalls far less
    // (what is left is the machine's scheduling: this thread and the worker share two busy cores).
    const computeMs = job.finishedAt!.getTime() - job.startedAt!.getTime();
    expect(computeMs).toBeGreaterThan(500);
    expect(longestStallMs).toBeLessThan(computeMs / 2);
  });

  it("gives no suggestions and no error for empty or one-sentence sources", async () => {
    const comparison = await createSuggestedComparison(analyst, [
      { text: "Just one sentence here." },
      { text: fixtureText("factory-fire", "b") },
    ]);
    await runner.runUntilIdle();
    const list = await listSuggestions(analyst, comparison.id);
    expect(list.job.status).toBe("done");
    expect(list.suggestions).toEqual([]);
    expect(list.skipped).toEqual([expect.objectContaining({ sourceId: comparison.sources[0]!.id, label: "A" })]);
  });

  it("says suggestions are for English sources, and pairs only the English ones", async () => {
    const comparison = await createSuggestedComparison(analyst, [...firePair(), { text: FRENCH_TEXT, language: "fr" }]);
    await runner.runUntilIdle();
    const list = await listSuggestions(analyst, comparison.id);
    expect(list.skipped).toEqual([
      { sourceId: comparison.sources[2]!.id, label: "C", reason: "suggestions are available for English sources" },
    ]);
    expect(list.suggestions.length).toBeGreaterThan(0);
    expect(list.suggestions.flatMap((s) => s.spans).some((span) => span.sourceId === comparison.sources[2]!.id)).toBe(false);

    // A French text mislabelled as English is recognised too.
    const mislabelled = await createSuggestedComparison(analyst, [
      { text: FRENCH_TEXT },
      { text: FRENCH_TEXT.split(". ").reverse().join(". ") },
    ]);
    await runner.runUntilIdle();
    const french = await listSuggestions(analyst, mislabelled.id);
    expect(french.suggestions).toEqual([]);
    expect(french.skipped.map((item) => item.reason)).toEqual([
      "suggestions are available for English sources",
      "suggestions are available for English sources",
    ]);
  });
});

describe("several app instances on one database", () => {
  it("never computes one job twice", async () => {
    const comparisons = await Promise.all([1, 2, 3].map(() => createSuggestedComparison(analyst, firePair())));
    const other = testRunner("instance-two");
    const [first, second] = await Promise.all([runner.runUntilIdle(), other.runUntilIdle()]);
    expect(first + second).toBe(3);
    for (const comparison of comparisons) expect(await jobOf(comparison.id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("retries a job whose instance crashed, once its lease has run out", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    // An instance claims the job and dies before finishing.
    const claimed = await claimSuggestionJob({ workerId: "crashed-instance", leaseMs: 1500, maxAttempts: 3 });
    expect(claimed).toMatchObject({ comparisonId: comparison.id, attempts: 1 });
    expect(await runner.runUntilIdle()).toBe(0); // its lease still holds
    await sleep(1600);
    expect(await runner.runUntilIdle()).toBe(1);
    expect(await jobOf(comparison.id)).toMatchObject({ status: "done", attempts: 2, workerId: null });
    expect((await listSuggestions(analyst, comparison.id)).suggestions.length).toBeGreaterThan(0);
  });

  it("gives up after three crashed attempts with a clear error, and a source change queues it again", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await claimSuggestionJob({ workerId: `crashing-${attempt}`, leaseMs: 100, maxAttempts: 3 })).toMatchObject({
        attempts: attempt,
      });
      await sleep(150);
    }
    expect(await runner.runUntilIdle()).toBe(0);
    const { job } = await listSuggestions(analyst, comparison.id);
    expect(job).toMatchObject({ status: "failed", attempts: 3 });
    expect(job.error).toMatch(/stopped 3 times/);

    const extra = await createSource(analyst, {
      title: uniqueTitle("Third"),
      text: fixtureText("factory-fire", "b").replace("Two workers", "Three workers"),
    });
    await addComparisonSource(analyst, comparison.id, { sourceId: extra.id });
    expect(await jobOf(comparison.id)).toMatchObject({ status: "queued", reason: "source added", attempts: 0, error: null });
    await runner.runUntilIdle();
    expect((await jobOf(comparison.id)).status).toBe("done");
  });

  it("fails the attempt when the engine thread dies mid-computation, then retries after a back-off", async () => {
    const comparison = await createSuggestedComparison(analyst, [{ text: makeArticle(4000, 3) }, { text: makeArticle(4000, 4) }]);
    const run = runner.runUntilIdle();
    while (engineThreadState() !== "busy") await sleep(5);
    await stopEngineThread();
    await run;
    const failed = await jobOf(comparison.id);
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed.error).toMatch(/engine thread/);
    expect(failed.runAfter.getTime()).toBeGreaterThan(Date.now());
    await sleep(failed.runAfter.getTime() - Date.now() + 50);
    await runner.runUntilIdle();
    expect(await jobOf(comparison.id)).toMatchObject({ status: "done", attempts: 2, error: null });
  });
});

describe("recomputing", () => {
  it("recomputes when a source is added or removed, keeping accepted and dismissed suggestions decided", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    await runner.runUntilIdle();
    const first = await listSuggestions(analyst, comparison.id);
    const [toAccept, toDismiss] = first.suggestions;
    await acceptSuggestion(analyst, toAccept!.id);
    await dismissSuggestion(analyst, toDismiss!.id, { reason: "not comparable" });

    const third = await createSource(analyst, {
      title: uniqueTitle("Third"),
      text: fixtureText("factory-fire", "a").replace("No workers were injured", "Nobody was hurt"),
    });
    await addComparisonSource(analyst, comparison.id, { sourceId: third.id });
    expect(await jobOf(comparison.id)).toMatchObject({ status: "queued", reason: "source added", generation: 2 });
    await runner.runUntilIdle();
    const withThird = await listSuggestions(analyst, comparison.id);
    expect(withThird.suggestions.some((s) => s.spans.some((span) => span.sourceId === third.id))).toBe(true);
    const openKeys = withThird.suggestions.map((s) => s.key);
    expect(openKeys).not.toContain(toAccept!.key);
    expect(openKeys).not.toContain(toDismiss!.key);
    // The same passage pair, recomputed, keeps its id.
    const kept = withThird.suggestions.find((s) => s.key === first.suggestions[2]?.key);
    if (kept) expect(kept.id).toBe(first.suggestions[2]!.id);
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: toAccept!.id } })).toMatchObject({ status: "accepted" });
    expect(await db.suggestion.findUniqueOrThrow({ where: { id: toDismiss!.id } })).toMatchObject({ status: "dismissed" });

    await removeComparisonSource(analyst, comparison.id, third.id);
    expect(await jobOf(comparison.id)).toMatchObject({ status: "queued", reason: "source removed" });
    // Until the recomputation is done, suggestions into the removed source are not listed.
    expect(
      (await listSuggestions(analyst, comparison.id)).suggestions.some((s) => s.spans.some((span) => span.sourceId === third.id)),
    ).toBe(false);
    await runner.runUntilIdle();
    expect(
      await db.suggestion.count({
        where: { comparisonId: comparison.id, status: "open", OR: [{ sourceAId: third.id }, { sourceBId: third.id }] },
      }),
    ).toBe(0);
  });

  it("a dismissed pair is never proposed again, whatever recomputes it", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    await runner.runUntilIdle();
    const [top] = (await listSuggestions(analyst, comparison.id)).suggestions;
    await dismissSuggestion(analyst, top!.id);
    await db.suggestion.delete({ where: { id: top!.id } }); // even without the row, the memory holds
    await db.suggestionJob.update({ where: { comparisonId: comparison.id }, data: { fingerprint: "stale" } });
    expect(await enqueueStaleSuggestionJobs()).toBeGreaterThanOrEqual(1);
    await runner.runUntilIdle();
    expect((await listSuggestions(analyst, comparison.id)).suggestions.map((s) => s.key)).not.toContain(top!.key);
  });

  it("recomputes when a source text changes, hiding suggestions into the old text meanwhile", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    await runner.runUntilIdle();
    const [, right] = comparison.sources;
    await updateSource(analyst, right!.id, {
      text: fixtureText("factory-fire", "b").replace("Two workers were treated", "Five workers were treated"),
    });
    const meanwhile = await listSuggestions(analyst, comparison.id);
    expect(meanwhile.job).toMatchObject({ status: "queued", reason: "sources or engine changed" });
    expect(meanwhile.suggestions).toEqual([]);
    await runner.runUntilIdle();
    const after = await listSuggestions(analyst, comparison.id);
    expect(after.suggestions.some((s) => s.spans[1].exact.includes("Five workers"))).toBe(true);
  });

  it("recomputes everything computed by another engine version", async () => {
    const comparison = await createSuggestedComparison(analyst, firePair());
    await runner.runUntilIdle();
    await db.suggestionJob.update({
      where: { comparisonId: comparison.id },
      data: { engineVersion: "suggestions-0.9", fingerprint: "old-engine" },
    });
    await db.suggestion.updateMany({ where: { comparisonId: comparison.id }, data: { engineVersion: "suggestions-0.9" } });
    expect(await enqueueStaleSuggestionJobs()).toBeGreaterThanOrEqual(1);
    await runner.runUntilIdle();
    const list = await listSuggestions(analyst, comparison.id);
    expect(list.job.engineVersion).toBe(ENGINE_VERSION);
    expect(new Set(list.suggestions.map((s) => s.engineVersion))).toEqual(new Set([ENGINE_VERSION]));
  });
});
