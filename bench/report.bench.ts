// PDF report of a comparison with 1,000 approved annotations (two ~40-word
// quotes and a rationale each): time from service call to the last PDF byte,
// and the process's peak resident memory. Targets: 1.5 s and 250 MB.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { firstVersion, spanOnVersion } from "../lib/versions/records";
import { openBenchDatabase } from "./support/database";
import type { BenchResult } from "./types";

const ANNOTATIONS = 1_000;
const RUNS = 3;
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "support", "report-child.ts");

// Collect garbage between runs, so one run's leftovers do not slow the next.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

type ChildFigures = { baselineMb: number; peakMb: number; totalMs: number };

/** One report in a fresh process (same loader flags), for a clean memory figure. */
async function runInChild(comparisonId: string, actor: object, databaseUrl: string): Promise<ChildFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, childScript, comparisonId, JSON.stringify(actor)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as ChildFigures;
}

const words =
  "the junta said Russian instructors remain while Wagner fighters left Bamako and most reappeared under the Kremlin-backed “Africa Corps,” residents’ accounts differ café convoy north Kidal drones withdrawal rebrand".split(
    " ",
  );

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(" ");
}

/** Two long source texts and 1,000 annotations quoting them, inserted directly. */
async function seed(): Promise<{ comparisonId: string; actor: { id: string; email: string; name: string; role: "analyst" } }> {
  const { db } = await import("../lib/db");
  const quotesA = Array.from({ length: ANNOTATIONS }, (_, i) => sentence(i, 40));
  const quotesB = Array.from({ length: ANNOTATIONS }, (_, i) => sentence(i + 3, 40));
  const textA = quotesA.join(". ");
  const textB = quotesB.join(". ");
  const [analyst, reviewer] = await Promise.all(
    (["analyst", "reviewer"] as const).map((role) =>
      db.user.create({ data: { email: `${role}-${randomUUID()}@bench.example`, name: `Bench ${role}`, role, passwordHash: "x" } }),
    ),
  );
  const source = (title: string, text: string) =>
    db.source.create({
      data: {
        title,
        outlet: "Bench Outlet",
        rawContent: text,
        text,
        contentHash: "bench",
        versions: firstVersion({ text, rawContent: text, contentHash: "bench" }),
      },
      select: { id: true, versions: { select: { id: true } } },
    });
  const [left, right] = await Promise.all([source("Left bench source", textA), source("Right bench source", textB)]);
  const comparison = await db.comparison.create({
    data: {
      title: "Benchmark: 1,000 approved annotations",
      question: "How fast is the report?",
      sources: { create: [left, right].map((source, position) => ({ sourceId: source.id, position })) },
    },
  });
  const ids = quotesA.map(() => randomUUID());
  const decidedAt = new Date();
  await db.annotation.createMany({
    data: ids.map((id, i) => ({
      id,
      comparisonId: comparison.id,
      authorId: analyst!.id,
      kind: i % 2 === 0 ? ("agreement" as const) : ("contradiction" as const),
      rationale: sentence(i + 11, 30),
      confidence: "high" as const,
      tags: ["bench", `group-${i % 10}`],
      status: "approved" as const,
      decidedAt,
    })),
  });
  const offsetsOf = (quotes: string[]) => {
    let at = 0;
    return quotes.map((quote) => {
      const start = at;
      at += quote.length + 2;
      return { start, end: start + quote.length };
    });
  };
  const spansA = offsetsOf(quotesA);
  const spansB = offsetsOf(quotesB);
  await db.span.createMany({
    data: ids.flatMap((annotationId, i) => [
      {
        annotationId,
        sourceId: left.id,
        ...spansA[i]!,
        exact: quotesA[i]!,
        position: 0,
        ...spanOnVersion(left.versions[0]!.id, { ...spansA[i]!, exact: quotesA[i]! }),
      },
      {
        annotationId,
        sourceId: right.id,
        ...spansB[i]!,
        exact: quotesB[i]!,
        position: 1,
        ...spanOnVersion(right.versions[0]!.id, { ...spansB[i]!, exact: quotesB[i]! }),
      },
    ]),
  });
  await db.review.createMany({
    data: ids.map((annotationId) => ({
      annotationId,
      reviewerId: reviewer!.id,
      decision: "approve" as const,
      annotationVersion: 1,
      createdAt: decidedAt,
    })),
  });
  return { comparisonId: comparison.id, actor: { id: analyst!.id, email: analyst!.email, name: analyst!.name, role: "analyst" } };
}

export async function run(): Promise<BenchResult[]> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db");
  try {
    const { comparisonId, actor } = await seed();
    const { loadReportData } = await import("../lib/reports/service");
    const { renderReportBuffer } = await import("../lib/reports/render-pdf");

    type Run = { pdf: Buffer; loadMs: number; renderMs: number; totalMs: number; cpuMs: number; count: number };
    const generate = async (): Promise<Run> => {
      collectGarbage();
      const cpu = process.cpuUsage();
      const started = performance.now();
      const data = await loadReportData(actor, comparisonId, { scope: "approved" });
      const loaded = performance.now();
      const pdf = await renderReportBuffer(data);
      const done = performance.now();
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      return { pdf, loadMs: loaded - started, renderMs: done - loaded, totalMs: done - started, cpuMs, count: data.annotations.length };
    };

    const child = await runInChild(comparisonId, actor, database.url);
    const cold = await generate();
    if (cold.count !== ANNOTATIONS) throw new Error(`expected ${ANNOTATIONS} annotations in the report, got ${cold.count}`);
    const warm: Run[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await generate());
    const median = (pick: (r: Run) => number) => warm.map(pick).sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
    const pages = cold.pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

    return [
      { name: "total (median of 3 warm)", value: Math.round(median((r) => r.totalMs)), unit: "ms", target: 1500 },
      {
        name: "CPU time (median of 3 warm)",
        value: Math.round(median((r) => r.cpuMs)),
        unit: "ms",
        note: "all threads, GC helpers included",
      },
      { name: "load from database", value: Math.round(median((r) => r.loadMs)), unit: "ms" },
      { name: "render + stream", value: Math.round(median((r) => r.renderMs)), unit: "ms" },
      {
        name: "total, fresh process",
        value: Math.round(child.totalMs),
        unit: "ms",
        note: "includes font parsing, Prisma start-up and JIT warm-up",
      },
      {
        name: "peak RSS growth for the report",
        value: Math.round(child.peakMb - child.baselineMb),
        unit: "MB",
        target: 250,
        note: "maxRSS minus RSS once Prisma is connected",
      },
      {
        name: "peak RSS, fresh process",
        value: Math.round(child.peakMb),
        unit: "MB",
        note: "whole process: Node, tsx loader, Prisma engine, pdfkit",
      },
      { name: "pages", value: pages, unit: "pages" },
      { name: "PDF size", value: Math.round(cold.pdf.length / 1024), unit: "KiB" },
    ];
  } finally {
    await db.$disconnect();
    await database.close();
  }
}
