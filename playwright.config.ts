import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run in Debian's Chromium (Playwright's own browser download
// is not reachable here) against `npm start` on a fresh embedded database.

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: {
    baseURL,
    viewport: { width: 1600, height: 1000 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
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
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1600, height: 1000 } } }],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/run.ts start --reset",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      PARALLAX_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      PARALLAX_PG_PORT: process.env.E2E_PG_PORT ?? "54359",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next",
      // Many sign-ins from one address during a run; the limit itself is tested in integration.
      PARALLAX_LOGIN_MAX_ATTEMPTS: "200",
      // tests/e2e/security.spec.ts reads the server's security events here.
      PARALLAX_LOG_FILE: process.env.E2E_LOG_FILE ?? ".data/e2e/server.log",
    },
  },
});
