// PDF report benchmark (issues 10, 11, 16, 19), with realistic text (a
// 12,000-word vocabulary) over 4 sources:
//   - 1,000 findings: load + render in a worker + stream, warm (median of 3)
//     and in a fresh process, next to Chromium's page.pdf() of the same
//     content as HTML in the same run (fresh browser and warm); target ≤ 0.5×;
//   - what tagging (PDF/A-2a structure tree) costs, and the DOCX time;
//   - the event loop while a report renders (other requests' delay ≤ 50 ms);
//   - peak memory at 5,000 findings (≤ 250 MB over the idle process), and for
//     20 parallel exports of 1,000 findings through the report queue.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { chromium } from "playwright-core";

import { reportHtml } from "./report-html";
import { seedReportBench, type Seeded } from "./report-data";
import { openBenchDatabase } from "./support/database";
import type { BenchResult } from "./types";

const RUNS = 3;
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "support", "report-child.ts");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Single = {
  baselineMb: number;
  peakMb: number;
  totalMs: number;
  warmMs: number;
  bytes: number;
  maxLoopDelayMs: number;
  worstProbeMs: number;
};
type Parallel = { baselineMb: number; peakMb: number; totalMs: number; served: number; refused: number; failed: number };

async function child<T>(args: string[], databaseUrl: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, childScript, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as T;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function chromiumFigures(html: string): Promise<{ freshMs: number; warmMs: number; pages: number }> {
  const launch = () =>
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
  const print = async (browser: Awaited<ReturnType<typeof launch>>) => {
    const page = await browser.newPage();
    await page.setContent(html);
    const pdf = await page.pdf({ format: "A4", margin: { top: "64px", bottom: "60px", left: "56px", right: "56px" } });
    await page.close();
    return pdf;
  };
  const [, freshMs] = await timed(async () => {
    const browser = await launch();
    await print(browser);
    await browser.close();
  });
  const browser = await launch();
  try {
    await print(browser);
    const runs: number[] = [];
    let pages = 0;
    for (let i = 0; i < RUNS; i++) {
      const [pdf, ms] = await timed(() => print(browser));
      runs.push(ms);
      pages =
        Buffer.from(pdf)
          .toString("latin1")
          .match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    }
    return { freshMs, warmMs: median(runs), pages };
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db");
  try {
    const thousand: Seeded = await seedReportBench(1_000);
    const fiveThousand: Seeded = await seedReportBench(5_000);
    const { loadReportData } = await import("../lib/reports/service");
    const { renderPdfBufferInWorker, renderDocxInWorker } = await import("../lib/reports/pdf-pool");
    const { renderReportBuffer } = await import("../lib/reports/render-pdf");

    const fresh = await child<Single>(["single", thousand.comparisonId, JSON.stringify(thousand.actor)], database.url);
    const load = () => loadReportData(thousand.actor, thousand.comparisonId, { scope: "approved" });
    const data = await load();
    await renderPdfBufferInWorker(data);
    const warm: number[] = [];
    let pdf: Buffer = Buffer.alloc(0);
    for (let i = 0; i < RUNS; i++) {
      const [bytes, ms] = await timed(async () => renderPdfBufferInWorker(await load()));
      warm.push(ms);
      pdf = bytes;
    }
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
    const reference = await chromiumFigures(reportHtml(data));

    const inThread = async (isTagged: boolean) => {
      await renderReportBuffer(data, { isTagged });
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push((await timed(() => renderReportBuffer(data, { isTagged })))[1]);
      return median(runs);
    };
    const tagged = await inThread(true);
    const untagged = await inThread(false);
    await renderDocxInWorker(data);
    const docx: number[] = [];
    let docxBytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const [bytes, ms] = await timed(() => renderDocxInWorker(data));
      docx.push(ms);
      docxBytes = bytes.length;
    }
    const big = await child<Single>(["single", fiveThousand.comparisonId, JSON.stringify(fiveThousand.actor)], database.url);
    const parallel = await child<Parallel>(["parallel", thousand.comparisonId, JSON.stringify(thousand.actor), "20"], database.url);

    const warmMs = Math.round(median(warm));
    return [
      {
        name: "1,000 findings: load + render + stream (warm, median of 3)",
        value: warmMs,
        unit: "ms",
        note: `${pages} pages, ${Math.round(pdf.length / 1024)} KiB, tagged PDF/A-2a`,
      },
      {
        name: "Chromium page.pdf() of the same content (warm, median of 3)",
        value: Math.round(reference.warmMs),
        unit: "ms",
        note: `${reference.pages} pages`,
      },
      { name: "ratio to Chromium, warm", value: Math.round((warmMs / reference.warmMs) * 100) / 100, unit: "×", target: 0.5 },
      { name: "1,000 findings, fresh process (worker start, fonts, JIT)", value: Math.round(fresh.totalMs), unit: "ms" },
      { name: "Chromium page.pdf(), fresh browser", value: Math.round(reference.freshMs), unit: "ms" },
      { name: "ratio to Chromium, fresh", value: Math.round((fresh.totalMs / reference.freshMs) * 100) / 100, unit: "×" },
      { name: "render in one thread, tagged", value: Math.round(tagged), unit: "ms" },
      {
        name: "render in one thread, untagged",
        value: Math.round(untagged),
        unit: "ms",
        note: `tagging costs ${Math.round(((tagged - untagged) / untagged) * 100)}%`,
      },
      {
        name: "DOCX of 1,000 findings (worker, median of 3)",
        value: Math.round(median(docx)),
        unit: "ms",
        note: `${Math.round(docxBytes / 1024)} KiB`,
      },
      {
        name: "longest event-loop stall during a warm export",
        value: Math.round(fresh.maxLoopDelayMs),
        unit: "ms",
        target: 50,
        note: `a 10 ms timer fired at worst ${Math.round(fresh.worstProbeMs)} ms late; that export took ${Math.round(fresh.warmMs)} ms`,
      },
      {
        name: "peak RSS growth, 1,000 findings (first export, over the idle process)",
        value: Math.round(fresh.peakMb - fresh.baselineMb),
        unit: "MB",
        target: 250,
      },
      {
        name: "peak RSS growth, 5,000 findings (first export, over the idle process)",
        value: Math.round(big.peakMb - big.baselineMb),
        unit: "MB",
        target: 250,
        note: `whole process ${Math.round(big.peakMb)} MB; ${Math.round(big.totalMs)} ms, ${Math.round(big.bytes / 1024)} KiB`,
      },
      {
        name: "20 parallel exports of 1,000: peak RSS growth",
        value: Math.round(parallel.peakMb - parallel.baselineMb),
        unit: "MB",
        target: 250,
        note: `${parallel.served} served, ${parallel.refused} refused with 503, ${parallel.failed} failed, ${Math.round(parallel.totalMs)} ms`,
      },
      { name: "20 parallel exports: peak RSS of the process", value: Math.round(parallel.peakMb), unit: "MB" },
    ];
  } finally {
    await db.$disconnect();
    await database.close();
  }
}
