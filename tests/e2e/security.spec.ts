import { readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";

import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { demo, demoComparisonId, DEMO_PASSWORD, signInApi } from "./support/auth";

// Issue 9 in a real browser against the built server: redirects after
// sign-in, session revocation, the security log, CSP violations, imports that
// do not stall the server, and demo mode listening on this machine only.

const baseURL = () => test.info().project.use.baseURL!;
const serverLog = process.env.E2E_LOG_FILE ?? ".data/e2e/server.log";

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseURL() });
  return { context, page: await context.newPage() };
}

async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A fresh analyst, so revoking their sessions disturbs no other test. */
async function createAnalyst(browser: Browser): Promise<{ email: string; password: string }> {
  const { context, page } = await newPage(browser);
  await signInApi(page.request, demo.admin);
  const email = `sessions-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = "a-long-session-test-password";
  const response = await page.request.post("/api/v1/users", { data: { email, name: "Session Tester", role: "analyst", password } });
  expect(response.status()).toBe(201);
  await context.close();
  return { email, password };
}

/** The server's log lines for one request (PARALLAX_LOG_FILE, set in playwright.config.ts). */
async function logLines(requestId: string): Promise<Array<Record<string, unknown>>> {
  let lines: Array<Record<string, unknown>> = [];
  await expect
    .poll(() => {
      lines = readFileSync(serverLog, "utf8")
        .split("\n")
        .filter((line) => line.includes(requestId))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      return lines.length;
    })
    .toBeGreaterThan(0);
  return lines;
}

test("after sign-in only this app's pages are followed, whatever callbackUrl says", async ({ page }) => {
  for (const callbackUrl of ["%2F%5Cevil.invalid%2F", "%2F%09%2Fevil.invalid", "https%3A%2F%2Fevil.invalid%2F"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callbackUrl}`);
    await signInWithForm(page, demo.analyst);
    await expect(page.getByRole("heading", { name: "Comparisons" })).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL()).origin);
  }
  // A genuine path of the app is still honoured.
  await page.context().clearCookies();
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/review")}`);
  await signInWithForm(page, demo.reviewer);
  await expect(page).toHaveURL(/\/review$/);
});

test("a copied session cookie stops working when its owner signs out, or signs out everywhere", async ({ browser }) => {
  const { email, password } = await createAnalyst(browser);
  const owner = await newPage(browser);
  await owner.page.goto("/login");
  await signInWithForm(owner.page, email, password);
  await expect(owner.page.getByRole("heading", { name: "Comparisons" })).toBeVisible();

  // Someone captures the cookie.
  const thief = await newPage(browser);
  await thief.context.addCookies(await owner.context.cookies());
  expect((await thief.page.request.get("/api/v1/comparisons")).status()).toBe(200);

  await owner.page.getByRole("button", { name: "Sign out" }).click();
  await expect(owner.page).toHaveURL(/\/login/);
  expect((await thief.page.request.get("/api/v1/comparisons")).status()).toBe(401);
  expect(await (await thief.page.request.get("/api/auth/session")).json()).toEqual({});

  // Two devices; "sign out everywhere" from one ends both.
  await signInApi(owner.page.request, email, password);
  const phone = await newPage(browser);
  await signInApi(phone.page.request, email, password);
  expect((await owner.page.request.delete("/api/v1/account/sessions")).status()).toBe(204);
  expect((await phone.page.request.get("/api/v1/comparisons")).status()).toBe(401);
  expect((await owner.page.request.get("/api/v1/comparisons")).status()).toBe(401);
  await phone.page.goto("/");
  await expect(phone.page).toHaveURL(/\/login/);
  for (const side of [owner, thief, phone]) await side.context.close();
});

test("security events reach the server's JSON log with their request id, never a password", async ({ browser, request }) => {
  const anonymous = await request.get("/api/v1/comparisons");
  expect(anonymous.status()).toBe(401);
  expect((await logLines(anonymous.headers()["x-request-id"]!))[0]).toMatchObject({
    event: "http.unauthenticated",
    level: "warn",
    userId: null,
  });

  const { page, context } = await newPage(browser);
  await signInApi(page.request, demo.analyst);
  const forbidden = await page.request.get("/api/v1/users");
  expect(forbidden.status()).toBe(403);
  const [denied] = await logLines(forbidden.headers()["x-request-id"]!);
  expect(denied).toMatchObject({ event: "http.forbidden", route: "GET /api/v1/users", userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

  const crossSite = await page.request.post("/api/v1/comparisons", { headers: { Origin: "https://evil.invalid" }, data: {} });
  expect(crossSite.status()).toBe(403);
  expect((await logLines(crossSite.headers()["x-request-id"]!))[0]).toMatchObject({
    event: "http.origin_refused",
    origin: "https://evil.invalid",
  });

  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const failed = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: demo.reviewer, password: "e2e-wrong-password-xyz", json: "true" },
    maxRedirects: 0,
  });
  const [failure] = await logLines(failed.headers()["x-request-id"]!);
  expect(failure).toMatchObject({
    event: "auth.sign_in.wrong_password",
    email: demo.reviewer,
    ip: expect.stringMatching(/127\.0\.0\.1|::1/),
  });
  expect(readFileSync(serverLog, "utf8")).not.toContain("e2e-wrong-password-xyz");
  await context.close();
});

test("pages report no Content-Security-Policy violation and no console error", async ({ page }) => {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  const check = async (label: string) => {
    const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
    problems.push(...violations.map((violation) => `${label}: ${violation}`));
  };

  await page.goto("/login");
  await check("login");
  await signInWithForm(page, demo.reviewer);
  await expect(page.getByRole("heading", { name: "Comparisons" })).toBeVisible();
  await check("comparisons");
  const comparisonId = await demoComparisonId(page.request);
  await page.goto(`/comparisons/${comparisonId}`);
  await expect
    .poll(() =>
      page.evaluate(() =>
        // One highlight per kind and status: pa-agreement-draft, pa-agreement-approved, …
        [...CSS.highlights.keys()]
          .filter((name) => name.startsWith("pa-agreement-"))
          .reduce((sum, name) => sum + CSS.highlights.get(name)!.size, 0),
      ),
    )
    .toBeGreaterThan(0);
  await check("workbench");
  await page.goto("/comparisons/new");
  await expect(page.getByRole("heading", { name: /New comparison/ })).toBeVisible();
  await check("new comparison");
  await page.goto("/review");
  await check("review");
  expect(problems).toEqual([]);
});

test("a hostile 5 MB-class import neither stalls the server nor takes long", async ({ page }) => {
  await signInApi(page.request, demo.analyst);
  const hostile = "[".repeat(200_000) + "![".repeat(100_000);
  let slowestHealthMs = 0;
  let isImporting = true;
  const started = Date.now();
  const preview = page.request.post("/api/v1/sources/preview", { data: { markdown: hostile }, timeout: 60_000 }).finally(() => {
    isImporting = false;
  });
  while (isImporting) {
    const asked = Date.now();
    expect((await page.request.get("/api/health")).status()).toBe(200);
    slowestHealthMs = Math.max(slowestHealthMs, Date.now() - asked);
    await page.waitForTimeout(50);
  }
  const response = await preview;
  expect(response.status()).toBe(200);
  expect((await response.json()).text).toContain("[[[");
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(slowestHealthMs).toBeLessThan(1_000);
});

test("demo mode listens on this machine only", async () => {
  const port = Number(new URL(baseURL()).port);
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal);
  test.skip(!external, "no non-loopback network interface on this machine");
  const outcome = await new Promise<string>((resolve) => {
    const socket = net.connect({ host: external!.address, port, timeout: 3_000 });
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    socket.on("timeout", () => {
      socket.destroy();
      resolve("timeout");
    });
  });
  expect(outcome).not.toBe("connected");
  const local = await fetch(`http://127.0.0.1:${port}/api/health`);
  expect(local.status).toBe(200);
});

test("the settings page changes the password, keeping this session and ending the others", async ({ browser }) => {
  const { email, password } = await createAnalyst(browser);
  const desk = await newPage(browser);
  await desk.page.goto("/login");
  await signInWithForm(desk.page, email, password);
  await expect(desk.page.getByRole("heading", { name: "Comparisons" })).toBeVisible();
  const laptop = await newPage(browser);
  await signInApi(laptop.page.request, email, password);

  await desk.page.getByRole("link", { name: /Account settings/ }).click();
  await expect(desk.page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await desk.page.getByLabel("Current password").fill(password);
  await desk.page.getByLabel("New password").fill("Password1234");
  await desk.page.getByRole("button", { name: "Change password" }).click();
  await expect(desk.page.getByText(/most common passwords/)).toBeVisible();
  await desk.page.getByLabel("New password").fill("a-new-and-long-enough-password");
  await desk.page.getByRole("button", { name: "Change password" }).click();
  await expect(desk.page.getByText("Password changed. Every other session has been signed out.")).toBeVisible();
  await desk.page.screenshot({ path: "test-results/screenshots/settings.png", fullPage: true });

  expect((await desk.page.request.get("/api/v1/comparisons")).status()).toBe(200);
  expect((await laptop.page.request.get("/api/v1/comparisons")).status()).toBe(401);
  for (const side of [desk, laptop]) await side.context.close();
});
