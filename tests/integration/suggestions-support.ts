// Shared set-up for the suggestions-* integration tests: comparisons made
// through the real services from the labelled article pairs, and a runner
// (as one app instance would run) that drains the database job queue.
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Actor } from "@/lib/auth/actor";
import { createComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { SuggestionRunner } from "@/lib/suggestions/runner";
import { createSource } from "@/lib/sources/service";

import { uniqueTitle } from "./sources-support";

const FIXTURES = path.resolve("tests/fixtures/suggestions");

export function fixtureText(pair: string, side: "a" | "b"): string {
  return readFileSync(path.join(FIXTURES, pair, `${side}.txt`), "utf8");
}

export const FRENCH_TEXT =
  "Un incendie a ravagé l'entrepôt de peinture de l'usine Dunmore Plastics à Kelby jeudi matin. " +
  "Aucun ouvrier n'a été blessé, selon la direction de l'entreprise. " +
  "Les pompiers sont restés sur place pendant plus de six heures et les habitants ont dû garder leurs fenêtres fermées.";

export type SourceSpec = { text: string; language?: string; title?: string };

/** A comparison created through the comparison service (which queues its suggestions). */
export async function createSuggestedComparison(actor: Actor, specs: SourceSpec[]) {
  const sources = [];
  for (const [i, spec] of specs.entries()) {
    sources.push(
      await createSource(actor, { title: uniqueTitle(spec.title ?? `Outlet ${i}`), text: spec.text, language: spec.language ?? "en" }),
    );
  }
  const comparison = await createComparison(actor, { title: uniqueTitle("Suggestions"), sourceIds: sources.map((source) => source.id) });
  const texts = await db.source.findMany({ where: { id: { in: sources.map((s) => s.id) } }, select: { id: true, text: true } });
  const byId = new Map(texts.map((row) => [row.id, row.text]));
  return { id: comparison.id, sources: sources.map((source) => ({ id: source.id, text: byId.get(source.id)! })) };
}

/** A runner with short timings, as a test's stand-in for one app instance. */
export function testRunner(workerId: string, leaseMs = 30_000): SuggestionRunner {
  return new SuggestionRunner({ workerId, leaseMs, pollMs: 60_000, log: () => {} });
}

export async function jobOf(comparisonId: string) {
  return db.suggestionJob.findUniqueOrThrow({ where: { comparisonId } });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
