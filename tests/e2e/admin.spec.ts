import { expect, test, type Browser, type Page } from "@playwright/test";

import { demo, signInApi } from "./support/auth";

// Account administration: only admins, clear errors, and disabling a person
// ends their access at their next request.

async function pageFor(browser: Browser, email?: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  if (email) await signInApi(page.request, email, password);
  return page;
}

test("an admin creates a user, who can work until the admin disables them", async ({ browser }) => {
  const admin = await pageFor(browser, demo.admin);
  const email = `casey-${Date.now()}@example.com`;
  const password = "casey-initial-pw";

  await admin.goto("/admin/users");
  await expect(admin.getByRole("heading", { name: "Users" })).toBeVisible();
  // Validation errors are shown per field.
  await admin.getByLabel("Email").fill("not-an-email");
  await admin.getByLabel("Name").fill("Casey Checker");
  await admin.getByLabel("Initial password").fill("short");
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText("Check the highlighted fields.")).toBeVisible();
  await expect(admin.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");

  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role", { exact: true }).selectOption("reviewer");
  await admin.getByLabel("Initial password").fill(password);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`Created ${email}.`)).toBeVisible();
  const row = admin.getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) });
  await expect(row).toContainText("Active");
  await expect(row.getByLabel("Role for Casey Checker")).toHaveValue("reviewer");

  // A duplicate email is refused with a clear message.
  await admin.getByLabel("Email").fill(email.toUpperCase());
  await admin.getByLabel("Name").fill("Casey Again");
  await admin.getByLabel("Initial password").fill(password);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText("An account with this email already exists.")).toBeVisible();

  // The new person signs in and uses the API.
  const casey = await pageFor(browser, email, password);
  expect((await casey.request.get("/api/v1/comparisons")).status()).toBe(200);

  // New accounts are listed first.
  await expect(admin.locator("tbody tr").first()).toContainText("Casey Checker");
  await expect(admin.locator("tbody tr").first()).toContainText("New");

  // Change role (choose, then confirm), then disable with a confirmation step.
  await row.getByLabel("Role for Casey Checker").selectOption("analyst");
  await admin.getByRole("group", { name: "Confirm role change for Casey Checker" }).getByRole("button", { name: "Change role" }).click();
  await expect(admin.getByText("Casey Checker is now analyst.")).toBeVisible();
  await row.getByRole("button", { name: "Disable Casey Checker" }).click();
  await expect(admin.getByRole("group", { name: "Confirm disabling Casey Checker" })).toBeVisible();
  await admin.screenshot({ path: "test-results/screenshots/admin-users.png", fullPage: true });
  await admin.getByRole("button", { name: "Confirm disable" }).click();
  await expect(row).toContainText("Disabled");

  // Their existing session stops working at the next request…
  const refused = await casey.request.get("/api/v1/comparisons");
  expect(refused.status()).toBe(401);
  await casey.goto("/");
  await expect(casey).toHaveURL(/\/login/);
  // …and they cannot sign in again.
  await casey.context().clearCookies();
  await casey.goto("/login");
  await casey.getByLabel("Email").fill(email);
  await casey.getByLabel("Password").fill(password);
  await casey.getByRole("button", { name: "Sign in" }).click();
  await expect(casey.locator("#login-error")).toHaveText("Email or password is incorrect.");

  // Enabling and a password reset restore access with the new password.
  await row.getByRole("button", { name: "Enable Casey Checker" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: "Reset password for Casey Checker" }).click();
  await admin.getByLabel("New password for Casey Checker").fill("casey-second-pw");
  await admin.getByRole("button", { name: "Set password", exact: true }).click();
  await expect(admin.getByText("New password set for Casey Checker.")).toBeVisible();
  const again = await pageFor(browser, email, "casey-second-pw");
  expect((await again.request.get("/api/v1/comparisons")).status()).toBe(200);
});

test("the last admin cannot lock themselves out, and non-admins cannot manage users", async ({ browser }) => {
  const admin = await pageFor(browser, demo.admin);
  await admin.goto("/admin/users");
  const me = admin.getByRole("row", { name: /\(you\)/ });
  await expect(me.getByRole("button", { name: /^Disable/ })).toBeDisabled();
  await me.getByRole("combobox").selectOption("analyst");
  await admin
    .getByRole("group", { name: /Confirm role change/ })
    .getByRole("button", { name: "Change role" })
    .click();
  await expect(admin.getByText("The last active admin cannot be disabled or demoted.")).toBeVisible();
  await expect(me.getByRole("combobox")).toHaveValue("admin");

  const analyst = await pageFor(browser, demo.analyst);
  await analyst.goto("/admin/users");
  await expect(analyst).toHaveURL(/\/\?denied=1$/);
  await expect(analyst.getByRole("link", { name: "Users" })).toHaveCount(0);
  expect((await analyst.request.get("/api/v1/users")).status()).toBe(403);
  const post = await analyst.request.post("/api/v1/users", {
    data: { email: "x@example.com", name: "X", role: "admin", password: "long-enough-pw" },
  });
  expect(post.status()).toBe(403);
});

test("arrowing through a role menu saves nothing; the change needs a confirmation (issue 12, bug 2)", async ({ browser }) => {
  const admin = await pageFor(browser, demo.admin);
  const email = `robin-${Date.now()}@example.com`;
  const created = await admin.request.post("/api/v1/users", {
    data: { email, name: "Robin Roles", role: "analyst", password: "robin-initial-pw" },
  });
  expect(created.status()).toBe(201);
  const patches: string[] = [];
  admin.on("request", (request) => {
    if (request.method() === "PATCH" && request.url().includes("/api/v1/users/")) patches.push(request.url());
  });

  await admin.goto("/admin/users");
  const menu = admin.getByLabel("Role for Robin Roles");
  await menu.focus();
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("ArrowDown");
  await expect(menu).not.toHaveValue("analyst");
  const confirm = admin.getByRole("group", { name: "Confirm role change for Robin Roles" });
  await expect(confirm).toContainText("from analyst to");
  await admin.screenshot({ path: "test-results/screenshots/admin-role-confirm.png", fullPage: true });
  expect(patches).toEqual([]);
  await confirm.getByRole("button", { name: "Keep analyst" }).click();
  await expect(menu).toHaveValue("analyst");
  await expect(confirm).toHaveCount(0);

  // Nothing was saved.
  await admin.reload();
  await expect(admin.getByLabel("Role for Robin Roles")).toHaveValue("analyst");
  expect(patches).toEqual([]);

  // Search narrows the table; sorting by name orders it.
  await admin.getByLabel("Search accounts").fill("robin-");
  await expect(admin.locator("tbody tr")).toHaveCount(1);
  await admin.getByLabel("Search accounts").fill("");
  await admin.getByRole("button", { name: /^Name/ }).click();
  await expect(admin.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
});
