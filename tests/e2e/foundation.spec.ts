import { expect, test } from "@playwright/test";

import { demo, DEMO_PASSWORD, signIn } from "./support/auth";

const leftTitle = "Rifts Deepen in Mali’s Military Over Wagner Legacy";
const rightTitle = /Bidin' Adieu to Bamako/;

test("anonymous visitors are sent to the sign-in page", async ({ page }) => {
  await page.goto("/comparisons/00000000-0000-0000-0000-000000000000");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password gives one generic error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.analyst);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");

  // An unknown email reads exactly the same.
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#login-error")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login/);
});

for (const email of Object.values(demo)) {
  test(`${email} signs in and sees the seeded comparison side by side`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Comparisons" })).toBeVisible();

    await page.getByRole("link", { name: "Wagner's exit from Mali: withdrawal or rebrand?" }).click();
    const left = page.getByRole("region", { name: leftTitle });
    const right = page.getByRole("region", { name: rightTitle });
    await expect(left).toBeVisible();
    await expect(right).toBeVisible();
    await expect(left).toContainText("CNews Live");
    await expect(left).toContainText("Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,”");
    await expect(right).toContainText("claiming mission accomplished");
    // The import pipeline removed the scrape's boilerplate.
    for (const boilerplate of ["Skip to content", "WhatsApp", "Read also:", "The comments posted here"]) {
      await expect(page.getByText(boilerplate)).toHaveCount(0);
    }
    // Columns sit side by side.
    const [leftBox, rightBox] = [await left.boundingBox(), await right.boundingBox()];
    expect(leftBox!.x + leftBox!.width).toBeLessThan(rightBox!.x);
    // Stored annotations are painted with the CSS Custom Highlight API.
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
    if (email === demo.analyst) {
      await page.screenshot({ path: "test-results/screenshots/foundation-workbench.png" });
    }
  });
}

test("the API answers anonymous calls with 401 problem+json and reports health", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });

  const response = await request.get("/api/v1/comparisons");
  expect(response.status()).toBe(401);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  const problem = await response.json();
  expect(problem).toMatchObject({ status: 401, title: "Not signed in" });
  expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts|stack/i);
});

test("pages carry security headers", async ({ request }) => {
  const response = await request.get("/login");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(demo.reviewer);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Comparisons" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await page.request.get("/api/v1/comparisons")).status()).toBe(401);
});

test("an unknown comparison shows a not-found page with a way back", async ({ page }) => {
  await signIn(page, demo.analyst);
  await page.goto("/comparisons/00000000-0000-4000-8000-000000000000");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to comparisons" }).click();
  await expect(page.getByRole("heading", { name: "Comparisons" })).toBeVisible();
});
