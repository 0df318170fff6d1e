// Workbench benchmark (issue 3): two synthetic sources of 20,000 words and
// 5,000 annotations.
//   (i)  data → painted highlights and connectors, in headless Chromium, using
//        the real components/workbench code bundled with esbuild;
//   (ii) re-anchoring every span after an edit near the start of each text,
//        in Node, with lib/anchoring/anchorAll.
// Targets: (i) < 200 ms, (ii) < 500 ms. Figures are medians of several runs.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";
import { chromium } from "playwright-core";

import { anchorAll } from "@/lib/anchoring/anchor-all";

import type { BenchResult } from "./types";
import type { BrowserFigures } from "./workbench-browser";
import { editNearStart, makeBenchData, type BenchData } from "./workbench-data";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 5;
const PAINT_TARGET_MS = 200;
const REANCHOR_TARGET_MS = 500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

async function bundleBrowserCode(dir: string): Promise<string> {
  const outfile = path.join(dir, "workbench-bench.js");
  await build({
    entryPoints: [path.join(root, "bench/workbench-browser.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    tsconfig: path.join(root, "tsconfig.json"),
    outfile,
    logLevel: "error",
  });
  return readFile(outfile, "utf8");
}

async function page(script: string): Promise<string> {
  const highlightsCss = await readFile(path.join(root, "public/highlights.css"), "utf8");
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 17px/2 Georgia, serif; }
    main { display: grid; grid-template-columns: minmax(0,1fr) 64px minmax(0,1fr); height: 100vh; }
    .column { overflow-y: auto; padding: 20px 24px; }
    [data-text-root] p { margin: 0 0 16px; white-space: pre-line; max-width: 65ch; }
    svg { width: 100%; height: 100%; }
    ${highlightsCss}
  </style></head><body><main>
    <div class="column" data-scroll-side><div data-text-root="left"></div></div>
    <svg data-testid="connector-gutter"></svg>
    <div class="column" data-scroll-side><div data-text-root="right"></div></div>
  </main><script>${script}</script></body></html>`;
}

async function measurePainting(data: BenchData): Promise<BrowserFigures[]> {
  const dir = await mkdtemp(path.join(tmpdir(), "parallax-bench-"));
  const browser = await chromium.launch({
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
  try {
    const html = await page(await bundleBrowserCode(dir));
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const runs: BrowserFigures[] = [];
    // One warm-up run (JIT, font loading), then fresh pages for the measured runs.
    for (let i = 0; i <= RUNS; i++) {
      const tab = await context.newPage();
      await tab.setContent(html);
      const figures = await tab.evaluate(
        (input) => (window as unknown as { runBench: (d: BenchData) => Promise<BrowserFigures> }).runBench(input),
        data,
      );
      if (i > 0) runs.push(figures);
      await tab.close();
    }
    return runs;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function measureReanchoring(data: BenchData) {
  const editedLeft = editNearStart(data.left.text);
  const editedRight = editNearStart(data.right.text);
  const selectorsOf = (sourceId: string) => data.annotations.flatMap((a) => a.spans.filter((s) => s.sourceId === sourceId));
  const leftSelectors = selectorsOf(data.left.id);
  const rightSelectors = selectorsOf(data.right.id);
  const times: number[] = [];
  let statuses: Record<string, number> = {};
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const results = [...anchorAll(editedLeft, leftSelectors), ...anchorAll(editedRight, rightSelectors)];
    const elapsed = performance.now() - t0;
    if (i > 0) times.push(elapsed);
    statuses = {};
    for (const result of results) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
  }
  return { ms: median(times), spans: leftSelectors.length + rightSelectors.length, statuses };
}

export async function run(): Promise<BenchResult[]> {
  const data = makeBenchData();
  const painting = await measurePainting(data);
  const reanchor = measureReanchoring(data);
  const pick = (key: keyof BrowserFigures) => round(median(painting.map((r) => r[key])));
  const outcome = Object.entries(reanchor.statuses)
    .map(([status, count]) => `${status} ${count}`)
    .join(", ");
  return [
    {
      name: "5,000 annotations: data → highlights + connectors painted",
      value: pick("totalMs"),
      unit: "ms",
      target: PAINT_TARGET_MS,
      note: `headless Chromium, median of ${RUNS}; ${painting[0]?.highlightRanges} ranges painted near the view, ${painting[0]?.connectors} connectors drawn`,
    },
    { name: "  re-anchoring on display (placeAnnotations)", value: pick("anchorMs"), unit: "ms" },
    { name: "  paintHighlights", value: pick("paintMs"), unit: "ms" },
    { name: "  connector layout + SVG", value: pick("connectorsMs"), unit: "ms" },
    { name: "  two frames until painted", value: round(median(painting.map((r) => r.firstFrameMs + r.secondFrameMs))), unit: "ms" },
    { name: "rendering two 20k-word texts (outside the target)", value: pick("renderTextMs"), unit: "ms" },
    {
      name: `re-anchor ${reanchor.spans.toLocaleString("en")} spans after an edit near the start`,
      value: round(reanchor.ms),
      unit: "ms",
      target: REANCHOR_TARGET_MS,
      note: `anchorAll in Node, median of ${RUNS}; ${outcome}`,
    },
  ];
}
