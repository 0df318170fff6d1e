import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { startOidcProvider, type TestOidcProvider } from "../support/oidc-provider";
import { demo, signInApi } from "./support/auth";
import { e2eOidc } from "./support/oidc-env";

// Single sign-on against a real OpenID provider (oidc-provider on a loopback
// port, its development login and consent pages), in the browser: the app's
// server is configured for it in playwright.config.ts (auto-create off, the
// `groups` claim mapped to roles).

let provider: TestOidcProvider;
const stamp = Date.now();
const people = {
  ada: { email: `ada-${stamp}@example.com`, name: "Ada SSO" },
  rita: { email: `rita-${stamp}@example.com`, name: "Rita Reviewer" },
  dora: { email: `dora-${stamp}@example.com`, name: "Dora Disabled" },
};

test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL!;
  provider = await startOidcProvider({
    port: e2eOidc.port,
    client: { id: e2eOidc.clientId, secret: e2eOidc.clientSecret },
    redirectUris: [`${baseURL}/api/auth/callback/oidc`],
    accounts: {
      // The provider's spelling of the address differs in case: matched case-insensitively.
      ada: { email: people.ada.email.toUpperCase(), email_verified: true, name: "Ada at the IdP" },
      unverified: { email: demo.analyst, email_verified: false },
      stranger: { email: `stranger-${stamp}@example.com`, email_verified: true },
      rita: { email: people.rita.email, email_verified: true, groups: ["staff", "parallax-reviewers"] },
      dora: { email: people.dora.email, email_verified: true },
    },
  });
});

test.afterAll(async () => provider?.close());

async function createPerson(request: APIRequestContext, person: { email: string; name: string }, disabled = false) {
  const response = await request.post("/api/v1/users", {
    data: { ...person, role: "analyst", password: `initial-${stamp}-password` },
  });
  expect(response.status()).toBe(201);
  const { id } = (await response.json()) as { id: string };
  if (disabled) expect((await request.patch(`/api/v1/users/${id}`, { data: { disabled: true } })).status()).toBe(200);
}

test.beforeAll(async ({ playwright }) => {
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(admin, demo.admin);
  await createPerson(admin, people.ada);
  await createPerson(admin, people.rita);
  await createPerson(admin, people.dora, true);
  await admin.dispose();
});

/** From the sign-in page through the provider's login and consent, back to Parallax. */
async function signInAtProvider(page: Page, login: string) {
  // The provider's development pages import a web font; there is no network here.
  await page.route(/fonts\.googleapis\.com/, (route) => route.abort());
  // A fresh login at the provider each time (it would otherwise remember the last person).
  await page.context().clearCookies({ domain: "127.0.0.1" });
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${e2eOidc.name}` }).click();
  await page.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${e2eOidc.port}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

async function sessionOf(page: Page) {
  return (await (await page.request.get("/api/auth/session")).json()) as { user?: { email: string; role: string } };
}

test("a person signs in with single sign-on and works like a password session", async ({ page }) => {
  await signInAtProvider(page, "ada");
  await page.waitForURL((url) => url.pathname === "/");
  await expect(page.getByRole("link", { name: `Account settings of ${people.ada.name}` })).toBeVisible();
  expect(await sessionOf(page)).toMatchObject({ user: { email: people.ada.email, role: "analyst" } });
  await page.screenshot({ path: test.info().outputPath("sso-signed-in.png") });

  // The same session as after a password sign-in: the account pages open.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: /settings/i }).first()).toBeVisible();
});

test("the provider's groups set the role", async ({ page }) => {
  await signInAtProvider(page, "rita");
  await page.waitForURL((url) => url.pathname === "/");
  expect(await sessionOf(page)).toMatchObject({ user: { email: people.rita.email, role: "reviewer" } });
});

test("an address the provider has not verified is refused", async ({ page }) => {
  await signInAtProvider(page, "unverified");
  await page.waitForURL(/\/login\?/);
  await expect(page.locator("#sign-in-error")).toContainText("did not confirm that your email address is verified");
  expect((await sessionOf(page)).user).toBeUndefined();
  await page.screenshot({ path: test.info().outputPath("sso-unverified.png") });
});

test("without auto-create, an unknown person is refused; a disabled one too", async ({ page }) => {
  await signInAtProvider(page, "stranger");
  await page.waitForURL(/\/login\?/);
  await expect(page.locator("#sign-in-error")).toContainText(`Your ${e2eOidc.name} account may not use Parallax`);
  expect((await sessionOf(page)).user).toBeUndefined();

  await signInAtProvider(page, "dora");
  await page.waitForURL(/\/login\?/);
  await expect(page.locator("#sign-in-error")).toContainText("may not use Parallax");
  expect((await sessionOf(page)).user).toBeUndefined();
});

test("a tampered state or a replayed callback is refused", async ({ page, browser }) => {
  // The authorization request leaves with another state than the one next-auth keeps in its cookie.
  const authorize = new RegExp(`^http://127\\.0\\.0\\.1:${e2eOidc.port}/auth\\?`);
  await page.route(authorize, async (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("state", "forged-state-value");
    await route.continue({ url: url.toString() });
  });
  await signInAtProvider(page, "ada");
  await page.waitForURL(/\/login\?/);
  await expect(page.locator("#sign-in-error")).toContainText("could not be completed");
  expect((await sessionOf(page)).user).toBeUndefined();
  await page.unroute(authorize);

  // A good callback, replayed in another browser, signs nobody in there.
  let callback: string | null = null;
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/callback/oidc?")) callback = request.url();
  });
  await signInAtProvider(page, "ada");
  await page.waitForURL((url) => url.pathname === "/");
  expect(callback).not.toBeNull();
  const other = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  await other.goto(callback!);
  await other.waitForURL(/\/login\?/);
  await expect(other.locator("#sign-in-error")).toContainText("could not be completed");
  expect((await sessionOf(other)).user).toBeUndefined();
  await other.close();
});

test("a provider that is down gets a clear message, and passwords still work", async ({ page }) => {
  await provider.close();
  await page.goto("/login");
  await page.getByRole("link", { name: `Sign in with ${e2eOidc.name}` }).click();
  await page.waitForURL(/\/login\?/);
  await expect(page.locator("#sign-in-error")).toContainText(`${e2eOidc.name} is unavailable right now`);
  await page.getByLabel("Email").fill(demo.analyst);
  await page.getByLabel("Password").fill("parallax-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === "/");
  expect(await sessionOf(page)).toMatchObject({ user: { email: demo.analyst } });
});
