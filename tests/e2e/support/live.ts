import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { demoComparisonId, signInApi } from "./auth";

// Helpers for the live-collaboration specs: a signed-in page per person, and
// annotations created through the API as that person.

type Source = { id: string; text: string };
export type Annotation = { id: string; version: number; status: string; rationale: string; author: { name: string } };

const opened = new Set<BrowserContext>();

/**
 * Closes the contexts pageFor opened (Playwright closes only its own fixtures'):
 * a page left open keeps its live stream, and its presence, into later tests.
 */
export async function closePages(): Promise<void> {
  await Promise.all([...opened].map((context) => context.close().catch(() => {})));
  opened.clear();
}

export async function pageFor(
  browser: Browser,
  email: string,
  baseURL = test.info().project.use.baseURL,
  password: string | undefined = undefined,
): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 1000 } });
  opened.add(context);
  const page = await context.newPage();
  await signInApi(page.request, email, password);
  return page;
}

function span(source: Source, quote: string) {
  const start = source.text.indexOf(quote);
  expect(start, `quote "${quote}" in source`).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, start, end: start + quote.length, exact: quote };
}

/** A contradiction between the first two sources of the demo comparison, submitted unless `submit: false`. */
export async function createLinked(request: APIRequestContext, rationale: string, submit = true): Promise<Annotation> {
  const comparisonId = await demoComparisonId(request);
  const { sources } = (await (await request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as { sources: Source[] };
  const [left, right] = sources as [Source, Source];
  const response = await request.post(`/api/v1/comparisons/${comparisonId}/annotations`, {
    data: {
      kind: "contradiction",
      rationale,
      spans: [span(left, "simply reappeared under the Kremlin-backed"), span(right, "claiming mission accomplished")],
      submit,
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Annotation;
}

export async function decide(request: APIRequestContext, annotation: Annotation, decision: string, comment?: string): Promise<void> {
  const response = await request.post(`/api/v1/annotations/${annotation.id}/reviews`, {
    data: { decision, version: annotation.version, comment },
  });
  expect(response.status(), await response.text()).toBe(201);
}

export function annotationList(page: Page) {
  return page.getByRole("list", { name: "Annotation list" });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
}

/** A reviewer of one's own (created by the admin through the API): presence checks then see no one else's tabs. */
export async function freshReviewer(browser: Browser): Promise<{ page: Page; name: string }> {
  const admin = await pageFor(browser, "admin@example.com");
  const suffix = Date.now().toString(36);
  const account = {
    email: `rex-${suffix}@example.test`,
    name: `Rex Reviewer ${suffix}`,
    role: "reviewer",
    password: `rex-password-${suffix}`,
  };
  const response = await admin.request.post("/api/v1/users", { data: account });
  expect(response.status(), await response.text()).toBe(201);
  await admin.context().close();
  return { page: await pageFor(browser, account.email, undefined, account.password), name: account.name };
}
