// Adding a version in the database (issue 15): a 20,000-word source with
// 5,000 annotated passages gets a new version with 20 scattered edits, through
// the real service — clean the text, lock the source, store the version,
// re-anchor every span, write them back in one statement, audit rows and
// notifications — in one transaction. Target: the whole request well under 2 s.
import { randomUUID } from "node:crypto";

import { firstVersion, spanOnVersion } from "../lib/versions/records";
import { makeVersionBench } from "./anchoring-data";
import { openBenchDatabase } from "./support/database";
import type { BenchResult } from "./types";

const TARGET_MS = 2_000;
const RUNS = 3;

export async function run(): Promise<BenchResult[]> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    const { db } = await import("../lib/db");
    const { addVersion } = await import("../lib/versions/service");
    const bench = makeVersionBench();
    const user = await db.user.create({
      data: { email: `admin-${randomUUID()}@bench.example`, name: "Bench admin", role: "admin", passwordHash: "x" },
      select: { id: true, email: true, name: true, role: true },
    });
    const text = bench.oldText;
    const source = await db.source.create({
      data: {
        title: "Bench source",
        rawContent: text,
        text,
        contentHash: "bench",
        createdById: user.id,
        versions: firstVersion({ text, rawContent: text, contentHash: "bench" }),
      },
      select: { id: true, versions: { select: { id: true } } },
    });
    const other = await db.source.create({
      data: {
        title: "Other",
        rawContent: "x",
        text: "x",
        contentHash: "x",
        versions: firstVersion({ text: "x", rawContent: "x", contentHash: "x" }),
      },
      select: { id: true },
    });
    const comparison = await db.comparison.create({
      data: {
        title: "Bench",
        sources: {
          create: [
            { sourceId: source.id, position: 0 },
            { sourceId: other.id, position: 1 },
          ],
        },
      },
      select: { id: true },
    });
    const ids = bench.selectors.map(() => randomUUID());
    await db.annotation.createMany({
      data: ids.map((id, i) => ({
        id,
        comparisonId: comparison.id,
        authorId: user.id,
        kind: "note" as const,
        rationale: `Bench ${i}`,
        status: "in_review" as const,
      })),
    });
    const versionId = source.versions[0]!.id;
    await db.span.createMany({
      data: bench.selectors.map((selector, i) => ({
        annotationId: ids[i]!,
        sourceId: source.id,
        ...selector,
        ...spanOnVersion(versionId, selector),
      })),
    });

    // Alternate the edited and the original text: every run re-anchors all 5,000 spans.
    const runs: Array<{ ms: number; cpuMs: number }> = [];
    let first: Awaited<ReturnType<typeof addVersion>> | null = null;
    for (let i = 0; i < RUNS; i++) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const outcome = await addVersion(user, source.id, { text: i % 2 === 0 ? bench.newText : bench.oldText });
      const used = process.cpuUsage(cpu);
      runs.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
      first ??= outcome;
    }
    if (!first?.changed) throw new Error("the bench's new version did not change the text");
    const { unchanged, changed, orphaned, annotationsFlagged } = first.summary;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return [
      {
        name: `add a version to a 20,000-word source with ${bench.selectors.length.toLocaleString("en")} annotated passages (20 edits)`,
        value: Math.round(median(runs.map((r) => r.ms))),
        unit: "ms",
        target: TARGET_MS,
        note:
          `addVersion end to end (clean, lock, store, re-anchor, write back, audit, notify), median of ${RUNS}; ` +
          `Node CPU ${Math.round(median(runs.map((r) => r.cpuMs)))} ms; first run: ${unchanged} unchanged, ${changed} changed, ${orphaned} orphaned, ${annotationsFlagged} annotations flagged`,
      },
    ];
  } finally {
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await database.close();
  }
}
