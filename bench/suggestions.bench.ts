// Suggestions for two sources of 20,000 words each (composed news-like text,
// see suggestions-data.ts): time and peak memory, next to wink-nlp's bare
// tokenization of the same text in the same run, and the growth from 5k to
// 10k to 20k words. Targets: 3 s, 300 MB, and doubling the text at most
// ~2.5× the time (n·log n doubles to ~2.1×; quadratic would be 4×).
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import type { BenchResult } from "./types";

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "support", "suggestions-child.ts");

type Figures = { ms: number; coldMs: number; baselineMb: number; peakMb: number; suggestions: number; words: number[] };

type Mode = "suggest" | "tokenize" | "thread";

async function measure(mode: Mode, words: number): Promise<Figures> {
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, childScript, mode, String(words)], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as Figures;
}

/** Median of three fresh processes, each timing a warm second run (timings on a shared 2-core machine are noisy). */
async function median(mode: Mode, words: number): Promise<Figures> {
  const runs: Figures[] = [];
  for (let i = 0; i < 3; i++) runs.push(await measure(mode, words));
  return runs.sort((a, b) => a.ms - b.ms)[1]!;
}

export async function run(): Promise<BenchResult[]> {
  const full = await median("suggest", 20_000);
  const reference = await median("tokenize", 20_000);
  const small = await median("suggest", 5_000);
  const middle = await median("suggest", 10_000);
  const thread = await median("thread", 20_000);
  const growth = full.ms / middle.ms;
  return [
    {
      name: "suggestions, 2 × 20,000 words",
      value: Math.round(full.ms),
      unit: "ms",
      target: 3000,
      note: `${full.suggestions} suggestions`,
    },
    {
      name: "suggestions, 2 × 20,000 words, cold",
      value: Math.round(full.coldMs),
      unit: "ms",
      note: "first run in a fresh process: includes JIT warm-up",
    },
    {
      name: "in the worker thread, first job (cold)",
      value: Math.round(thread.coldMs),
      unit: "ms",
      note: "thread start, TypeScript loader (tsx), model load, JIT warm-up",
    },
    {
      name: "in the worker thread, next job (warm)",
      value: Math.round(thread.ms),
      unit: "ms",
      note: "what a running instance pays per job",
    },
    { name: "reference: wink-nlp tokenize + tag, same texts", value: Math.round(reference.ms), unit: "ms" },
    { name: "suggestions ÷ bare tokenization", value: Math.round((full.ms / reference.ms) * 10) / 10, unit: "×" },
    {
      name: "peak RSS growth, 2 × 20,000 words",
      value: Math.round(full.peakMb - full.baselineMb),
      unit: "MB",
      target: 300,
      note: "maxRSS minus RSS with the model loaded",
    },
    { name: "peak RSS, whole process", value: Math.round(full.peakMb), unit: "MB", note: "Node, tsx loader, wink model, engine" },
    { name: "suggestions, 2 × 5,000 words", value: Math.round(small.ms), unit: "ms" },
    { name: "suggestions, 2 × 10,000 words", value: Math.round(middle.ms), unit: "ms" },
    {
      name: "growth 10k → 20k words (time ratio)",
      value: Math.round(growth * 100) / 100,
      unit: "×",
      target: 2.5,
      note: "n log n ≈ 2.1, n² = 4",
    },
  ];
}
