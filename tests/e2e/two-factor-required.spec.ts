import { expect, test } from "@playwright/test";

import { totpCode } from "../../lib/auth/totp";
import { demo, signInApi } from "./support/auth";
import { secondServer, type SecondServer } from "./support/second-server";

// PARALLAX_REQUIRE_2FA_FOR on the API, against a real server started with
// it (a second instance of the build, same database): a reviewer who has
// not enrolled gets 403 problem+json from the API with a session cookie,
// can still use the enrolment endpoints, and is let through once enrolled.

let server: SecondServer;

test.beforeAll(async () => {
  server = await secondServer({ PARALLAX_REQUIRE_2FA_FOR: "reviewer,admin" });
});

test.afterAll(async () => {
  await server?.stop();
});

test("a reviewer who must enrol gets 403 from the API except the enrolment endpoints, then is let through", async ({ playwright }) => {
  const stamp = Date.now();
  const person = { email: `tf-required-${stamp}@example.com`, name: "Rory Required", password: `rory-${stamp}-password` };
  const admin = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInApi(admin, demo.admin);
  expect((await admin.post("/api/v1/users", { data: { ...person, role: "reviewer" } })).status()).toBe(201);
  await admin.dispose();

  const api = await playwright.request.newContext({ baseURL: server.url });
  await signInApi(api, person.email, person.password);
  const refused = await api.get("/api/v1/comparisons");
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toBe("application/problem+json");
  expect(((await refused.json()) as { detail: string }).detail).toContain("Set up two-factor authentication first");
  expect((await api.get("/api/v1/reviews/queue")).status()).toBe(403);

  // What enrolment needs still works.
  expect(await (await api.get("/api/v1/account/two-factor")).json()).toEqual({ enabled: false, recoveryCodesLeft: 0 });
  const setup = await api.post("/api/v1/account/two-factor/setup");
  expect(setup.status()).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const enrolled = await api.post("/api/v1/account/two-factor", { data: { code: totpCode(secret) } });
  expect(enrolled.status()).toBe(200);

  // Enrolled: the same session (its cookie renewed) uses the API.
  expect((await api.get("/api/v1/comparisons")).status()).toBe(200);
  expect((await api.get("/api/v1/reviews/queue")).status()).toBe(200);
  await api.dispose();
});
