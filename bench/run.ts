// npm run bench [-- <filter>]: runs every bench/*.bench.ts (or those whose
// name contains <filter>) one after another, prints one table, writes
// bench/results/<name>.json, and exits 1 when a figure misses its target.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { BenchModule, BenchResult } from "./types";

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, "results");

type Row = BenchResult & { bench: string; ratio: number | null; isMet: boolean | null };

function judge(result: BenchResult): Pick<Row, "ratio" | "isMet"> {
  if (result.target === undefined || result.target === 0) return { ratio: null, isMet: null };
  const ratio = result.value / result.target;
  return { ratio, isMet: result.isHigherBetter ? ratio >= 1 : ratio <= 1 };
}

function printTable(rows: Row[]): void {
  const header = ["bench", "figure", "value", "unit", "× ref", "target", "ratio", ""];
  const body = rows.map((row) => [
    row.bench,
    row.name,
    Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(1),
    row.unit,
    row.reference ? `${(row.value / row.reference).toFixed(2)}×` : "",
    row.target === undefined ? "" : `${row.isHigherBetter ? "≥" : "≤"} ${row.target}`,
    row.ratio === null ? "" : `${(row.ratio * 100).toFixed(0)}%`,
    row.isMet === null ? "" : row.isMet ? "ok" : "MISSED",
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 2 || i === 4 || i === 6 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const cells of body) console.log(line(cells));
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = (await readdir(benchDir)).filter((file) => file.endsWith(".bench.ts") && (!filter || file.includes(filter))).sort();
  if (files.length === 0) throw new Error(`No bench/*.bench.ts${filter ? ` matching "${filter}"` : ""}`);
  await mkdir(resultsDir, { recursive: true });
  const rows: Row[] = [];
  let hasFailed = false;
  for (const file of files) {
    const bench = file.replace(/\.bench\.ts$/, "");
    console.log(`▶ ${bench}`);
    const started = performance.now();
    try {
      const benchModule = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule;
      const results = await benchModule.run();
      const judged = results.map((result) => ({ ...result, bench, ...judge(result) }));
      rows.push(...judged);
      const record = { bench, ranAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results: judged };
      await writeFile(path.join(resultsDir, `${bench}.json`), `${JSON.stringify(record, null, 2)}\n`);
      console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      hasFailed = true;
      console.error(`  ${bench} failed:`, error);
    }
  }
  printTable(rows);
  const missed = rows.filter((row) => row.isMet === false);
  if (missed.length > 0) console.log(`\n${missed.length} figure(s) missed their target.`);
  console.log(`Results in ${path.relative(process.cwd(), resultsDir)}/`);
  // Explicit exit: a bench may leave pools or timers behind.
  process.exit(hasFailed || missed.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
