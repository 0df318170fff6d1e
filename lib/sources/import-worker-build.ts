/**
 * Development and tests only: Node cannot start a worker from a TypeScript
 * file, and loader hooks (tsx) load jsdom's hundreds of modules too slowly in
 * a worker. So when the app runs from its sources (tsx, Vitest), the worker
 * entry is bundled once with esbuild (packages stay external) into
 * node_modules/.cache and started from there. The production build never
 * loads this file: Turbopack bundles the worker itself.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { buildSync } from "esbuild";

let builtPath: string | undefined;

/** The path of a JavaScript build of import-worker.ts, built on first use. */
export function importWorkerScript(): string {
  if (builtPath) return builtPath;
  const entry = fileURLToPath(new URL("./import-worker.ts", import.meta.url));
  const root = path.resolve(path.dirname(entry), "../..");
  const output = buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  const code = output.outputFiles[0]!.text;
  const directory = path.join(root, "node_modules", ".cache", "parallax");
  const file = path.join(directory, `import-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    // Written under a temporary name and renamed: parallel test processes may build at once.
    mkdirSync(directory, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file);
  }
  builtPath = file;
  return file;
}
