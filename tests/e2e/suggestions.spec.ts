import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

import { demo, demoComparisonId, signIn, signInApi } from "./support/auth";

// Suggestions on the seeded comparison (issue 14): computed in the background
// right after start-up, the design card's contradiction among the top ones,
// previewed in the columns, accepted into a draft and dismissed in the browser.

type Span = { sourceId: string; start: number; end: number; exact: string };
type Suggestion = { id: string; kind: string; score: number; spans: [Span, Span]; reasons: string[] };
type SuggestionList = { job: { status: string; finishedAt: string | null }; suggestions: Suggestion[]; skipped: unknown[] };

const screenshots = "test-results/screenshots";
const isDesignCardContradiction = (s: Suggestion) =>
  s.kind === "contradiction" &&
  s.spans.some((span) => span.exact.includes("Most fighters have simply reappeared")) &&
  s.spans.some((span) => span.exact.includes("claiming mission accomplished"));

async function computedSuggestions(request: APIRequestContext, comparisonId: string): Promise<SuggestionList> {
  let list: SuggestionList | null = null;
  await expect
    .poll(
      async () => {
        list = (await (await request.get(`/api/v1/comparisons/${comparisonId}/suggestions`)).json()) as SuggestionList;
        return list.job.status;
      },
      { timeout: 30_000 },
    )
    .toBe("done");
  return list!;
}

const previewSize = (page: Page) => page.evaluate(() => CSS.highlights.get("pa-suggestion")?.size ?? 0);

test("the seeded comparison shows suggestions; an analyst accepts one into a draft and dismisses another", async ({ page }) => {
  await signIn(page, demo.analyst);
  const comparisonId = await demoComparisonId(page.request);
  const list = await computedSuggestions(page.request, comparisonId);
  expect(list.suggestions.length).toBeGreaterThanOrEqual(5);
  expect(list.suggestions.slice(0, 5).some(isDesignCardContradiction), "the design card's contradiction is in the top five").toBe(true);

  await page.goto(`/comparisons/${comparisonId}`);
  await page.getByRole("tab", { name: "Suggestions" }).click();
  const items = page.getByRole("list", { name: "Suggestion list" }).getByRole("article");
  await expect(items).toHaveCount(list.suggestions.length);
  await expect(items.first()).toContainText(list.suggestions[0]!.spans[0].exact.slice(0, 40));

  const contradiction = items
    .filter({ hasText: "A ↔ B" })
    .filter({ hasText: "Most fighters have simply reappeared" })
    .filter({ hasText: "claiming mission accomplished" })
    .filter({ hasText: "Contradiction" });
  await expect(contradiction).toContainText("opposite accounts");
  // Hovering previews both passages (A and B are the columns on screen) with the dashed suggestion highlight.
  await contradiction.hover();
  await expect.poll(() => previewSize(page)).toBe(2);
  await page.mouse.move(5, 5);
  await expect.poll(() => previewSize(page)).toBe(0);
  // So does keyboard focus.
  await contradiction.getByRole("button", { name: /Accept/ }).focus();
  await expect.poll(() => previewSize(page)).toBe(2);
  await page.screenshot({ path: `${screenshots}/suggestions-tab.png` });

  await contradiction.getByRole("button", { name: /Accept/ }).click();
  const composer = page.getByTestId("composer");
  await expect(composer).toBeVisible();
  await expect(composer.getByLabel("Rationale")).toHaveValue(/A and B appear to contradict each other:/);
  await expect(composer.getByRole("list", { name: "Selected passages" }).getByRole("listitem")).toHaveCount(2);
  await page.screenshot({ path: `${screenshots}/suggestions-accepted-composer.png` });
  await composer
    .getByLabel("Rationale")
    .fill("Wagner's exit is presented as mission accomplished, yet most fighters reappear in the Africa Corps.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved as draft.")).toBeVisible();

  const detail = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as {
    annotations: Array<{ id: string; status: string; kind: string; rationale: string; author: { name: string }; spans: Span[] }>;
  };
  const draft = detail.annotations.find((a) => a.rationale.startsWith("Wagner's exit is presented"));
  expect(draft).toMatchObject({ status: "draft", kind: "contradiction" });
  expect(draft!.spans.map((span) => span.exact).join(" ")).toContain("claiming mission accomplished");
  const history = (await (await page.request.get(`/api/v1/annotations/${draft!.id}/history`)).json()) as {
    events: Array<{ action: string; origin: { type: string; score: number } | null }>;
  };
  expect(history.events[0]).toMatchObject({ action: "annotation.create", origin: { type: "suggestion" } });

  // Dismiss another, with a reason, from the keyboard.
  await page.getByRole("tab", { name: "Suggestions" }).click();
  await expect(items).toHaveCount(list.suggestions.length - 1);
  const target = items.first();
  const targetId = (await target.getAttribute("data-suggestion"))!;
  await target.getByRole("button", { name: "Dismiss" }).focus();
  await page.keyboard.press("Enter");
  const why = target.getByRole("group", { name: "Why dismiss this suggestion?" });
  await expect(why.getByRole("button", { name: "Not comparable" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(items).toHaveCount(list.suggestions.length - 2);
  await expect(page.getByRole("status").filter({ hasText: "Suggestion dismissed." })).toBeAttached();

  const after = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}/suggestions`)).json()) as SuggestionList;
  expect(after.suggestions).toHaveLength(list.suggestions.length - 2);
  expect(after.suggestions.some(isDesignCardContradiction)).toBe(false);
  expect(after.suggestions.map((s) => s.id)).not.toContain(targetId);
  // Still gone after a reload.
  await page.reload();
  await page.getByRole("tab", { name: "Suggestions" }).click();
  await expect(items).toHaveCount(list.suggestions.length - 2);
  await expect(page.locator(`[data-suggestion="${targetId}"]`)).toHaveCount(0);
});

test("the suggestions API needs a session and names a bad filter", async ({ request, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get("/api/v1/comparisons/00000000-0000-0000-0000-000000000000/suggestions");
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  await anonymous.dispose();

  await signInApi(request, demo.analyst2);
  const comparisonId = await demoComparisonId(request);
  const bad = await request.get(`/api/v1/comparisons/${comparisonId}/suggestions?minScore=7`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { errors: Record<string, string> }).errors).toHaveProperty("minScore");
  const dismissed = await request.post("/api/v1/suggestions/00000000-0000-0000-0000-000000000000/dismiss", { data: {} });
  expect(dismissed.status()).toBe(404);
});
