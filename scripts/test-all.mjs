#!/usr/bin/env node
// `npm test`: every check the project has, in order, on a fresh machine too.
// Installs what Debian lacks (Chromium, poppler-utils, qpdf, docker-compose, Caddy, an emoji font) when
// it can, runs each suite even if an earlier one failed, and ends with one
// line: `tests: N passed, M failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const results = [];
const isRoot = process.getuid?.() === 0;

function run(command, args, options = {}) {
  console.log(`\n▶ ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...options.env } });
  return result.status === 0;
}

function ensureSystemPackages() {
  const wanted = [
    ["/usr/bin/chromium", "chromium"],
    ["/usr/bin/pdftoppm", "poppler-utils"],
    // Structural check of the PDF reports (qpdf --check) in the integration tests.
    ["/usr/bin/qpdf", "qpdf"],
    ["/usr/bin/docker-compose", "docker-compose"],
    // Screenshots of imported texts show emoji instead of empty boxes.
    ["/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf", "fonts-noto-color-emoji"],
    // The reverse proxy of docker-compose's "scale" profile, run in front of two servers by the live e2e test.
    ["/usr/bin/caddy", "caddy"],
  ].filter(([binary]) => !existsSync(binary));
  if (wanted.length === 0) return;
  const names = wanted.map(([, name]) => name);
  if (!isRoot) {
    console.warn(`Missing system packages: ${names.join(", ")}. Install them with: sudo apt-get install -y ${names.join(" ")}`);
    return;
  }
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...names], { env: { DEBIAN_FRONTEND: "noninteractive" } });
}

function check(name, command, args, options) {
  const ok = run(command, args, options);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function vitest(project) {
  const output = `test-results/${project}.json`;
  rmSync(output, { force: true });
  const ok = run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile=${output}`]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, "utf8"));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  }
  results.push({ name: project, passed, failed });
}

function playwright() {
  const output = "test-results/e2e-report.json";
  rmSync(output, { force: true });
  const ok = run("npx", ["playwright", "test"]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  if (existsSync(output)) {
    const { stats } = JSON.parse(readFileSync(output, "utf8"));
    passed = stats.expected + stats.flaky;
    failed = stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1);
  }
  results.push({ name: "e2e", passed, failed });
}

mkdirSync("test-results", { recursive: true });
ensureSystemPackages();
check("format", "npx", ["prettier", "--check", "."]);
check("lint", "npx", ["eslint", ".", "--max-warnings=0"]);
check("typecheck", "npx", ["tsc", "--noEmit"]);
check("db:check", "npx", ["tsx", "--conditions=react-server", "scripts/db/check.ts"]);
if (existsSync("/usr/bin/docker-compose")) {
  check("compose", "docker-compose", ["-f", "docker-compose.yml", "config", "-q"], {
    env: { NEXTAUTH_SECRET: "x".repeat(32), POSTGRES_PASSWORD: "check" },
  });
  check("compose:scale", "docker-compose", ["-f", "docker-compose.yml", "--profile", "scale", "config", "-q"], {
    env: { NEXTAUTH_SECRET: "x".repeat(32), POSTGRES_PASSWORD: "check" },
  });
}
vitest("unit");
vitest("integration");
playwright();

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log("\nSummary:");
for (const r of results) console.log(`  ${r.name.padEnd(12)} ${r.passed} passed, ${r.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
