import { expect, test, type Browser, type Page } from "@playwright/test";

import { totpCode } from "../../lib/auth/totp";
import { expectNoAxeViolations } from "./support/axe";
import { demo, signInApi } from "./support/auth";

// Two-factor in the browser: enrol from /settings with a code computed here
// from the secret the page shows, then sign in with the password and a code;
// a used code is refused; a recovery code works once; an admin's reset ends
// the person's sessions and turns two-factor off.

const stamp = Date.now();
const person = { email: `tf-${stamp}@example.com`, name: `Tess Factor ${stamp.toString(36)}`, password: `tess-${stamp}-password` };

test.beforeAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(admin, demo.admin);
  const response = await admin.post("/api/v1/users", { data: { ...person, role: "reviewer" } });
  expect(response.status()).toBe(201);
  await admin.dispose();
});

async function freshPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width, height: 900 } });
  return context.newPage();
}

async function enterPassword(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByLabel("Authentication code")).toBeFocused();
}

const sessionEmail = async (page: Page) =>
  ((await (await page.request.get("/api/auth/session")).json()) as { user?: { email: string } }).user?.email;

test("enrol in settings, then sign in with a code; a used code and a used recovery code are refused", async ({ browser }) => {
  const page = await freshPage(browser);
  await signInApi(page.request, person.email, person.password);
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  await section.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(section.getByRole("img", { name: /QR code/ })).toBeVisible();
  const secret = (await section.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(page, "two-factor set-up");

  await section.getByLabel("Code from your app").fill("000000");
  await section.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  await expect(section.getByRole("alert")).toContainText("does not match");
  const enrolCode = totpCode(secret);
  await section.getByLabel("Code from your app").fill(enrolCode);
  await section.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const codeItems = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const codes = await codeItems.allInnerTexts();
  await page.screenshot({ path: test.info().outputPath("two-factor-recovery-codes.png"), fullPage: true });
  await section.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(section).toContainText("10 of 10 recovery codes left");
  // This session continues (its cookie was renewed); the status is on.
  expect(await sessionEmail(page)).toBe(person.email);

  // Sign in elsewhere: password, then code. The code used to enrol is spent.
  const other = await freshPage(browser, 320);
  await enterPassword(other);
  await other.screenshot({ path: test.info().outputPath("two-factor-code-step-320.png") });
  await expectNoAxeViolations(other, "sign-in code step");
  await other.getByLabel("Authentication code").fill(enrolCode);
  await other.getByRole("button", { name: "Verify" }).click();
  await expect(other.locator("#login-error")).toContainText("not valid, or was already used");
  await other.getByLabel("Authentication code").fill(totpCode(secret, Date.now() + 30_000));
  await other.getByRole("button", { name: "Verify" }).click();
  await other.waitForURL((url) => url.pathname === "/");
  expect(await sessionEmail(other)).toBe(person.email);

  // A recovery code signs in once.
  const third = await freshPage(browser);
  await enterPassword(third);
  await third.getByLabel("Authentication code").fill(codes[0]!);
  await third.getByRole("button", { name: "Verify" }).click();
  await third.waitForURL((url) => url.pathname === "/");
  const fourth = await freshPage(browser);
  await enterPassword(fourth);
  await fourth.getByLabel("Authentication code").fill(codes[0]!);
  await fourth.getByRole("button", { name: "Verify" }).click();
  await expect(fourth.locator("#login-error")).toBeVisible();
  expect(await sessionEmail(fourth)).toBeUndefined();

  // An admin resets it from the person's page: their sessions end, and the password alone signs in again.
  const admin = await freshPage(browser);
  await signInApi(admin.request, demo.admin);
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: person.name }).click();
  await expect(admin.getByRole("heading", { name: person.name })).toBeVisible();
  const twoFactorCard = admin.getByRole("region", { name: "Two-factor authentication" });
  await expect(twoFactorCard).toContainText("9 of 10 recovery codes left");
  const trail = admin.getByRole("list", { name: "Audit trail" });
  await expect(trail).toContainText("Two-factor turned on");
  await expect(trail).toContainText("Recovery code used");
  await expect(admin.getByRole("region", { name: "Recent sign-ins" })).toContainText("wrong two-factor code");
  await expectNoAxeViolations(admin, "admin user page");
  await twoFactorCard.getByRole("button", { name: "Reset two-factor" }).click();
  await twoFactorCard.getByRole("button", { name: "Confirm" }).click();
  await expect(twoFactorCard.getByRole("status")).toContainText("Two-factor reset");
  await expect(twoFactorCard).toContainText("Off.");
  await expect(trail).toContainText("Two-factor reset by an admin");
  await admin.setViewportSize({ width: 320, height: 900 });
  await admin.screenshot({ path: test.info().outputPath("admin-user-320.png"), fullPage: true });
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(await sessionEmail(other)).toBeUndefined();
  const fifth = await freshPage(browser);
  await signInApi(fifth.request, person.email, person.password);
  await fifth.goto("/settings");
  await expect(fifth.getByRole("button", { name: "Set up two-factor authentication" })).toBeVisible();
});

test("regenerate recovery codes in settings: password and a current code, new codes shown once, old ones refused", async ({ browser }) => {
  const regen = { email: `tf-regen-${stamp}@example.com`, name: "Rena Codes", password: `rena-${stamp}-password` };
  const admin = await freshPage(browser);
  await signInApi(admin.request, demo.admin);
  expect((await admin.request.post("/api/v1/users", { data: { ...regen, role: "analyst" } })).status()).toBe(201);

  const page = await freshPage(browser);
  await signInApi(page.request, regen.email, regen.password);
  const setup = (await (await page.request.post("/api/v1/account/two-factor/setup")).json()) as { secret: string };
  const enrolled = await page.request.post("/api/v1/account/two-factor", { data: { code: totpCode(setup.secret) } });
  expect(enrolled.status()).toBe(200);
  const oldCodes = ((await enrolled.json()) as { recoveryCodes: string[] }).recoveryCodes;

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Two-factor authentication" });
  const form = section.locator("form", { has: page.getByRole("heading", { name: "Regenerate recovery codes" }) });
  await form.getByLabel("Password").fill("not the password");
  await form.getByLabel("Code from your app").fill(totpCode(setup.secret, Date.now() + 30_000));
  await form.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await expect(form.getByRole("alert")).toContainText("password is not correct");
  await form.getByLabel("Password").fill(regen.password);
  await form.getByRole("button", { name: "Regenerate recovery codes" }).click();
  await expect(section.getByRole("status")).toContainText("the old ones no longer work");
  const codeItems = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codeItems).toHaveCount(10);
  const newCodes = await codeItems.allInnerTexts();
  expect(newCodes.filter((code) => oldCodes.includes(code))).toEqual([]);
  await expectNoAxeViolations(page, "regenerated recovery codes");
  await page.screenshot({ path: test.info().outputPath("two-factor-regenerated-codes.png"), fullPage: true });
  await section.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(section).toContainText("10 of 10 recovery codes left");
  await expect(section.getByRole("list", { name: "Recovery codes" })).toHaveCount(0);

  // An old code no longer signs in; a new one does.
  const signIn = async (code: string) => {
    const other = await freshPage(browser);
    await other.goto("/login");
    await other.getByLabel("Email").fill(regen.email);
    await other.getByLabel("Password").fill(regen.password);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await other.getByLabel("Authentication code").fill(code);
    await other.getByRole("button", { name: "Verify" }).click();
    return other;
  };
  await expect((await signIn(oldCodes[0]!)).locator("#login-error")).toContainText("not valid, or was already used");
  await (await signIn(newCodes[0]!)).waitForURL((url) => url.pathname === "/");

  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: regen.name }).click();
  await expect(admin.getByRole("list", { name: "Audit trail" })).toContainText("New recovery codes made");
});
