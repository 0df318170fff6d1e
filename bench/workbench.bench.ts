// Workbench benchmark (issues 10 and 11): what a reader does, in the real page
// served by `npm start`, in headless Chromium.
//   - 2 sources × 20,000 words, 5,000 annotations linking random positions:
//     first highlights after navigation, time to interactive, page + data
//     transferred (compressed), jump to the middle and to the end of each
//     column, a stepped scroll through each column (longest frame, frames over
//     50 ms), opening the composer, filtering the panel;
//   - 6 sources × 20,000 words, 5,000 annotations: time to interactive;
//   - the bare reference, in the same browser: a static page with the same
//     texts registering the same ranges with the CSS Highlight API. Figures
//     about loading are printed as a ratio to its navigation → painted time,
//     figures about interaction as a ratio to its registration time;
//   - re-anchoring every span after an edit near the start (Node, anchorAll).

import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import { anchorAll } from "@/lib/anchoring/anchor-all";
import { chromium, type BrowserContext, type Page } from "playwright-core";

import { openBenchDatabase } from "./support/database";
import type { BenchResult } from "./types";
import { editNearStart, makeBenchData, type BenchData } from "./workbench-data";
import { bareReferenceHtml, filterPanel, installProbes, jumpColumn, openComposer, selectVisibleWords, stepScroll } from "./workbench-page";
import { BENCH_PASSWORD, createBenchUser, seedComparison, startApp } from "./workbench-server";

const RUNS = 3;
const round = (value: number) => Math.round(value * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kinds = { agreement: 0, contradiction: 1, note: 2 } as const;

type Load = { firstHighlightsMs: number; ttiMs: number; transferredBytes: number };

async function signIn(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  const { csrfToken } = (await (await context.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  await context.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password: BENCH_PASSWORD, json: "true" },
  });
}

/** Navigates and waits for the first highlights, then for one quiet second: TTI is the end of the last long task (or the first highlights). */
async function measureLoad(page: Page, url: string): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  let transferred = 0;
  cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => (transferred += event.encodedDataLength));
  const problems: string[] = [];
  const onConsole = (message: { type: () => string; text: () => string }) => {
    if (message.type() === "error") problems.push(message.text());
  };
  const onError = (error: Error) => problems.push(error.message);
  page.on("console", onConsole);
  page.on("pageerror", onError);
  await page.goto(url, { waitUntil: "commit" });
  try {
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstHighlightsAt: number | null } }).__bench.firstHighlightsAt !== null,
      null,
      {
        timeout: 60_000,
        polling: 50,
      },
    );
  } catch (error) {
    await page.screenshot({ path: "bench/results/workbench-failure.png" });
    throw new Error(`No highlights at ${page.url()}: ${problems.join(" | ").slice(0, 2000)}`, { cause: error });
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onError);
  }
  await page.waitForTimeout(1_500);
  const probe = await page.evaluate(
    () => (window as unknown as { __bench: { firstHighlightsAt: number; longTasks: Array<[number, number]> } }).__bench,
  );
  await cdp.detach();
  const lastLongTask = Math.max(0, ...probe.longTasks.map(([start, duration]) => start + duration));
  return {
    firstHighlightsMs: probe.firstHighlightsAt,
    ttiMs: Math.max(probe.firstHighlightsAt, lastLongTask),
    transferredBytes: transferred,
  };
}

async function measureBare(page: Page, baseUrl: string, data: BenchData) {
  const texts = data.sources.slice(0, 2).map((source) => splitParagraphs(source.text).map(({ start, text }) => ({ start, text })));
  const column = new Map(data.sources.slice(0, 2).map((source, i) => [source.id, i]));
  const ranges = data.annotations.flatMap((a) =>
    a.spans
      .filter((s) => column.has(s.sourceId))
      .map((s): [number, number, number, number] => [column.get(s.sourceId)!, s.start, s.end, kinds[a.kind]]),
  );
  const html = bareReferenceHtml(texts, ranges);
  await page.route(`${baseUrl}/bench-bare-reference`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  const runs: Array<{ registerMs: number; paintedAt: number }> = [];
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(`${baseUrl}/bench-bare-reference`);
    await page.waitForFunction(() => "__bare" in window, null, { timeout: 30_000 });
    const figures = await page.evaluate(() => (window as unknown as { __bare: { registerMs: number; paintedAt: number } }).__bare);
    if (i > 0) runs.push(figures);
  }
  return { ranges: ranges.length, registerMs: median(runs.map((r) => r.registerMs)), navigationMs: median(runs.map((r) => r.paintedAt)) };
}

function measureReanchoring(data: BenchData) {
  const selectorsOf = (sourceId: string) => data.annotations.flatMap((a) => a.spans.filter((s) => s.sourceId === sourceId));
  const [left, right] = data.sources;
  const times: number[] = [];
  let spans = 0;
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const results = [
      ...anchorAll(editNearStart(left!.text), selectorsOf(left!.id)),
      ...anchorAll(editNearStart(right!.text), selectorsOf(right!.id)),
    ];
    if (i > 0) times.push(performance.now() - t0);
    spans = results.length;
  }
  return { ms: median(times), spans };
}

export async function run(): Promise<BenchResult[]> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  const user = await createBenchUser();
  const two = makeBenchData({ sources: 2, benchUserId: user.id });
  const six = makeBenchData({ sources: 6, seed: 7, benchUserId: user.id });
  const twoId = await seedComparison(two, "Bench: 2 sources × 20,000 words, 5,000 annotations", user.id);
  const sixId = await seedComparison(six, "Bench: 6 sources × 20,000 words, 5,000 annotations", user.id);
  const app = await startApp(database.url);
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
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // tsx compiles the in-page functions with esbuild's keepNames, which calls a `__name` helper the page lacks.
    await context.addInitScript({ content: "globalThis.__name = (target) => target;" });
    await context.addInitScript(installProbes);
    await signIn(context, app.baseUrl, user.email);
    const page = await context.newPage();
    const bare = await measureBare(page, app.baseUrl, two);

    // Cold: nothing cached (what page + data weigh); then warm runs, as a returning analyst has the scripts cached.
    const cold = await measureLoad(page, `${app.baseUrl}/comparisons/${twoId}`);
    const warm: Load[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await measureLoad(page, `${app.baseUrl}/comparisons/${twoId}`));
    const sixLoads: Load[] = [];
    for (let i = 0; i <= RUNS; i++) sixLoads.push(await measureLoad(page, `${app.baseUrl}/comparisons/${sixId}`));
    const coldSix = sixLoads.shift()!;

    await page.goto(`${app.baseUrl}/comparisons/${twoId}`);
    await page.waitForFunction(
      () => (window as unknown as { __bench: { firstHighlightsAt: number | null } }).__bench.firstHighlightsAt !== null,
    );
    const jumps: Record<string, number> = {};
    let emptyJumps = 0;
    for (const position of [0, 1]) {
      for (const [name, fraction] of [
        ["middle", 0.5],
        ["end", 1],
        ["start", 0],
      ] as const) {
        const result = await page.evaluate(jumpColumn, { position, fraction });
        if (name !== "start") jumps[`${name} of column ${position + 1}`] = result.ms;
        if (result.ranges === 0) emptyJumps++;
      }
    }
    const scrolls = [];
    for (const position of [0, 1]) scrolls.push(await page.evaluate(stepScroll, { position, step: 120 }));
    await page.evaluate(jumpColumn, { position: 0, fraction: 0.3 });
    if (!(await page.evaluate(selectVisibleWords))) throw new Error("could not select words");
    await page.waitForSelector('[role="toolbar"]');
    const composerMs = await page.evaluate(openComposer);
    await page.getByRole("button", { name: "Cancel" }).click();
    const filter = await page.evaluate(filterPanel, "convoy");

    const firstHighlights = median(warm.map((l) => l.firstHighlightsMs));
    const frames = scrolls.flat();
    const longest = Math.max(...frames);
    const slow = frames.filter((f) => f > 50).length;
    const refNav = bare.navigationMs;
    const refApi = bare.registerMs;
    const results: BenchResult[] = [
      {
        name: `bare reference: navigation → ${bare.ranges.toLocaleString("en")} ranges painted`,
        value: round(refNav),
        unit: "ms",
        note: "static page, same texts and ranges",
      },
      { name: "bare reference: registering the ranges (CSS Highlight API)", value: round(refApi), unit: "ms" },
      {
        name: "2 × 20k words, 5,000 annotations: first highlights after navigation (warm)",
        value: round(firstHighlights),
        unit: "ms",
        reference: refNav,
        target: round(1.5 * refNav),
      },
      { name: "  same, cold (nothing cached)", value: round(cold.firstHighlightsMs), unit: "ms", reference: refNav },
      {
        name: "  time to interactive (warm)",
        value: round(median(warm.map((l) => l.ttiMs))),
        unit: "ms",
        reference: refNav,
        target: 1_500,
      },
      { name: "  page + data transferred, compressed (cold)", value: round(cold.transferredBytes / 1024), unit: "KB", target: 1_536 },
    ];
    for (const [name, ms] of Object.entries(jumps)) {
      results.push({ name: `  jump to the ${name}: painted`, value: round(ms), unit: "ms", reference: refApi, target: 100 });
    }
    results.push(
      {
        name: `  stepped scroll, 120 px × ${frames.length} steps through both columns: longest frame`,
        value: round(longest),
        unit: "ms",
        reference: refApi,
        target: 50,
      },
      { name: "  frames over 50 ms", value: slow, unit: "frames", target: 0, note: `median frame ${round(median(frames))} ms` },
      { name: "  open the composer on a selection", value: round(composerMs), unit: "ms", reference: refApi },
      { name: `  filter the panel (“convoy” → ${filter.count})`, value: round(filter.ms), unit: "ms", reference: refApi },
      {
        name: "6 × 20k words, 5,000 annotations: time to interactive (warm)",
        value: round(median(sixLoads.map((l) => l.ttiMs))),
        unit: "ms",
        reference: refNav,
        target: 1_500,
      },
      { name: "  first highlights (warm)", value: round(median(sixLoads.map((l) => l.firstHighlightsMs))), unit: "ms", reference: refNav },
      { name: "  time to interactive, cold", value: round(coldSix.ttiMs), unit: "ms", reference: refNav },
      { name: "  page + data transferred, compressed (cold)", value: round(coldSix.transferredBytes / 1024), unit: "KB" },
    );
    if (emptyJumps > 0) results.push({ name: "jumps that showed no highlight in view", value: emptyJumps, unit: "jumps", target: 0 });
    const reanchor = measureReanchoring(two);
    results.push({
      name: `re-anchor ${reanchor.spans.toLocaleString("en")} spans after an edit near the start`,
      value: round(reanchor.ms),
      unit: "ms",
      target: 500,
    });
    return results;
  } finally {
    await browser.close();
    await app.stop();
    const { db } = await import("../lib/db");
    await db.$disconnect();
    await database.close();
  }
}
