// Evidence-matrix benchmark (issue 10): six sources of 20,000 words and 5,000
// annotations in a real PostgreSQL.
//   (i)  server: load the comparison's annotations and derive the matrix
//        (getComparisonMatrix), then the page's view of it (filters, order,
//        first page of 100 claims);
//   (ii) browser: the real MatrixTable rendered by React in headless Chromium
//        with Tailwind's CSS, until painted — the page of 100 claims the
//        matrix page shows, and (for reference) all claims in one table.
// Target: server + first page painted ≤ 1.5 s (issue 10's "time to
// interactive" budget on this 2-core machine). Medians of warm runs.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import tailwind from "@tailwindcss/postcss";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import postcss from "postcss";

import type { EvidenceMatrix } from "../lib/comparisons/matrix";
import type { MatrixRenderFigures, MatrixRenderInput } from "./matrix-browser";
import { ANNOTATIONS, SOURCES, seedMatrixWorkload } from "./matrix-data";
import { openBenchDatabase } from "./support/database";
import type { BenchResult } from "./types";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 5;
const TARGET_MS = 1_500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

async function pageHtml(dir: string): Promise<string> {
  const outfile = path.join(dir, "matrix-bench.js");
  await build({
    entryPoints: [path.join(root, "bench/matrix-browser.tsx")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    jsx: "automatic",
    tsconfig: path.join(root, "tsconfig.json"),
    alias: { "next/link": path.join(root, "bench/support/link-stub.tsx") },
    define: { "process.env.NODE_ENV": '"production"' },
    outfile,
    logLevel: "error",
  });
  const cssPath = path.join(root, "app/globals.css");
  const css = await postcss([tailwind()]).process(await readFile(cssPath, "utf8"), { from: cssPath });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css.css}</style></head>
    <body><main class="mx-auto w-full max-w-[1600px] px-4 py-6"><div id="root"></div></main>
    <script>${await readFile(outfile, "utf8")}</script></body></html>`;
}

async function measureBrowser(html: string, inputs: Record<"page" | "all", MatrixRenderInput>) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const results: Record<"page" | "all", MatrixRenderFigures[]> = { page: [], all: [] };
    for (const key of ["page", "all"] as const) {
      // One warm-up (JIT, fonts), then fresh pages for the measured runs.
      for (let i = 0; i <= (key === "all" ? 2 : RUNS); i++) {
        const tab = await context.newPage();
        await tab.setContent(html);
        const figures = await tab.evaluate(
          (input) => (window as unknown as { renderMatrix: (d: MatrixRenderInput) => Promise<MatrixRenderFigures> }).renderMatrix(input),
          inputs[key],
        );
        if (i > 0) results[key].push(figures);
        await tab.close();
      }
    }
    return results;
  } finally {
    await browser.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const { db } = await import("../lib/db");
  const dir = await mkdtemp(path.join(tmpdir(), "parallax-matrix-bench-"));
  try {
    const { comparisonId, actor } = await seedMatrixWorkload(db);
    const { getComparisonMatrix } = await import("../lib/comparisons/service");
    const { buildMatrixView, parseMatrixViewQuery } = await import("../lib/comparisons/matrix-view");

    const serverRun = async () => {
      const started = performance.now();
      const matrix: EvidenceMatrix = await getComparisonMatrix(actor, comparisonId);
      const loaded = performance.now();
      const view = buildMatrixView(matrix, parseMatrixViewQuery({ sort: "agreement" }));
      return { matrix, view, loadMs: loaded - started, viewMs: performance.now() - loaded, totalMs: performance.now() - started };
    };
    const cold = await serverRun();
    const warm = [];
    for (let i = 0; i < RUNS; i++) warm.push(await serverRun());
    const { matrix, view } = cold;

    const html = await pageHtml(dir);
    const browser = await measureBrowser(html, {
      page: { columns: view.columns, rows: view.rows, total: view.total },
      all: { columns: view.columns, rows: matrix.rows, total: matrix.rows.length },
    });
    const server = median(warm.map((r) => r.totalMs));
    const pagePainted = median(browser.page.map((r) => r.paintedMs));
    return [
      {
        name: `matrix of ${SOURCES} sources × ${ANNOTATIONS.toLocaleString("en")} annotations: server + first page painted`,
        value: Math.round(server + pagePainted),
        unit: "ms",
        target: TARGET_MS,
        note: `${matrix.rows.length.toLocaleString("en")} claims; page of ${view.rows.length}; medians of ${RUNS} warm runs`,
      },
      { name: "  load + derive (getComparisonMatrix)", value: round(median(warm.map((r) => r.loadMs))), unit: "ms" },
      { name: "  filter, order, paginate (buildMatrixView)", value: round(median(warm.map((r) => r.viewMs))), unit: "ms" },
      { name: "  first page rendered by React", value: round(median(browser.page.map((r) => r.renderMs))), unit: "ms" },
      { name: "  first page painted (two frames)", value: round(pagePainted), unit: "ms" },
      { name: "server, cold first run", value: Math.round(cold.totalMs), unit: "ms", note: "Prisma start-up and JIT included" },
      {
        name: `all ${matrix.rows.length.toLocaleString("en")} claims in one table, painted (reference, why the page shows 100)`,
        value: Math.round(median(browser.all.map((r) => r.paintedMs))),
        unit: "ms",
        note: `${browser.all[0]?.cells.toLocaleString("en")} cells`,
      },
    ];
  } finally {
    await db.$disconnect();
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
