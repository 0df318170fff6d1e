import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "parallax-demo";
export const demo = {
  analyst: "analyst@example.com",
  analyst2: "analyst2@example.com",
  reviewer: "reviewer@example.com",
  admin: "admin@example.com",
} as const;

/** Signs in through next-auth's HTTP endpoints (no UI), sharing cookies with `page`. */
export async function signInApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email: string } };
  expect(session.user?.email).toBe(email);
}

export async function signIn(page: Page, email: string): Promise<void> {
  await signInApi(page.request, email);
}

/** The seeded demo comparison's id, from the API. */
export async function demoComparisonId(request: APIRequestContext): Promise<string> {
  const { comparisons } = (await (await request.get("/api/v1/comparisons?limit=200")).json()) as {
    comparisons: Array<{ id: string; title: string }>;
  };
  const found = comparisons.find((c) => c.title.startsWith("Wagner's exit from Mali"));
  expect(found, "seeded comparison").toBeTruthy();
  return found!.id;
}
