import { expect, test, type Browser, type Page } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";
import { expectNoAxeViolations } from "./support/axe";

// Issue 12, bug 11: axe-core reports no WCAG 2.1 A/AA violation on any screen
// outside the workbench (the workbench has its own check), at desktop width
// and at 320 px, where the pages must also reflow without sideways scrolling.

async function pageFor(browser: Browser, email: string | null, width = 1440): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (email) await signInApi(page.request, email);
  return page;
}

async function inReviewAnnotationId(page: Page): Promise<{ comparisonId: string; annotationId: string }> {
  const comparisonId = await demoComparisonId(page.request);
  const { annotations } = (await (await page.request.get(`/api/v1/comparisons/${comparisonId}`)).json()) as {
    annotations: Array<{ id: string; status: string }>;
  };
  const inReview = annotations.find((annotation) => annotation.status === "in_review");
  expect(inReview, "a seeded annotation in review").toBeTruthy();
  return { comparisonId, annotationId: inReview!.id };
}

async function check(page: Page, path: string, screen: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, screen);
}

async function expectNoSidewaysScroll(page: Page, screen: string) {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // The innermost elements that stick out, to say what to fix.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !element.closest("[class*='overflow-x-auto']"))
      .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > width + 1))
      .slice(0, 5)
      .map(
        (element) => `${element.tagName.toLowerCase()}.${element.className.toString().slice(0, 60)} "${element.textContent?.slice(0, 40)}"`,
      );
    return { overflow: document.documentElement.scrollWidth - width, culprits };
  });
  expect(overflow, `${screen} scrolls sideways at 320 px: ${culprits.join("; ")}`).toBeLessThanOrEqual(0);
}

test("sign-in and not-found screens", async ({ browser }) => {
  const page = await pageFor(browser, null);
  await check(page, "/login", "sign-in", "Sign in to Parallax");
  const analyst = await pageFor(browser, demo.analyst);
  await analyst.goto("/comparisons/00000000-0000-4000-8000-000000000000");
  await expectNoAxeViolations(analyst, "not found");
});

test("the analyst's screens: list, new comparison, returned work, matrix, sources, assessment", async ({ browser }) => {
  const page = await pageFor(browser, demo.analyst);
  const comparisonId = await demoComparisonId(page.request);
  await check(page, "/", "comparison list", "Comparisons");
  await check(page, "/comparisons/new", "new comparison", "New comparison");
  await check(page, "/review?mine=1", "returned to me", "Returned to me");
  await check(page, `/comparisons/${comparisonId}/matrix`, "evidence matrix", "Evidence matrix");
  await check(page, `/comparisons/${comparisonId}/sources`, "sources", "Sources");
  await check(page, `/comparisons/${comparisonId}/assessment`, "assessment", "Assessment");
});

test("the reviewer's screens: queue, review item, history", async ({ browser }) => {
  const page = await pageFor(browser, demo.reviewer);
  const { annotationId } = await inReviewAnnotationId(page);
  await check(page, "/review", "review queue", "Review queue");
  await check(page, `/review/${annotationId}`, "review item", "Review annotation");
  await check(page, `/annotations/${annotationId}`, "annotation history", "Annotation history");
});

test("the admin's users screen", async ({ browser }) => {
  const page = await pageFor(browser, demo.admin);
  await check(page, "/admin/users", "users", "Users");
});

test("at 320 px the screens reflow and stay axe-clean", async ({ browser }) => {
  const page = await pageFor(browser, demo.analyst, 320);
  const comparisonId = await demoComparisonId(page.request);
  for (const [path, screen, heading] of [
    ["/", "comparison list", "Comparisons"],
    ["/comparisons/new", "new comparison", "New comparison"],
    [`/comparisons/${comparisonId}/matrix`, "evidence matrix", "Evidence matrix"],
    [`/comparisons/${comparisonId}/sources`, "sources", "Sources"],
    [`/comparisons/${comparisonId}/assessment`, "assessment", "Assessment"],
  ] as const) {
    await check(page, path, `${screen} at 320 px`, heading);
    await expectNoSidewaysScroll(page, screen);
    await page.screenshot({ path: `test-results/screenshots/narrow-${screen.replace(/ /g, "-")}.png`, fullPage: true });
  }
});
