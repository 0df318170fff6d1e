import { expect, test } from "@playwright/test";

import { demo, signInApi } from "./support/auth";
import {
  checkView,
  clickGutter,
  createLargeComparison,
  createRandomAnnotations,
  gutterFrame,
  loadComparison,
  scrollColumn,
  settle,
} from "./support/workbench";

// Issue 11: at scale the workbench paints only what is in view — and must
// paint exactly that. A comparison of two ~3,000-word sources with 160 links
// between random passages; at several jumps and scroll steps in both columns,
// the highlights and connectors in view are compared with the ones the data
// says should be there (none missing, none extra). Issue 12 bug 1: connector
// end dots never sit outside the text area (next to a column's title); ends
// scrolled out of view are counted by edge markers instead.

test.setTimeout(240_000);

test("highlights and connectors in view are exactly the expected ones while jumping and scrolling", async ({ page }) => {
  await signInApi(page.request, demo.analyst);
  const created = await createLargeComparison(page.request, { words: 3_000, seed: 11, title: `Scale check ${Date.now()}` });
  await createRandomAnnotations(page.request, created, 160, 5);
  const comparison = await loadComparison(page.request, created.id);
  expect(comparison.annotations).toHaveLength(160);

  await page.goto(`/comparisons/${comparison.id}`);
  await expect(page.locator("section[data-column]")).toHaveCount(2);
  await settle(page);

  const positions: Array<[number, number]> = [
    [0, 0],
    [1, 0.5],
    [0, 0.5],
    [1, 1],
    [0, 1],
    [1, 0.2],
    [0, 0.73],
  ];
  let sawEdges = false;
  for (const [column, fraction] of positions) {
    await scrollColumn(page, column, fraction);
    const view = await checkView(page, comparison.annotations);
    const where = `after scrolling column ${column + 1} to ${fraction * 100}%`;
    expect(view.highlights.expected.length, `some passages in view ${where}`).toBeGreaterThan(0);
    expect(view.highlights.painted, `highlights ${where}`).toEqual(view.highlights.expected);
    expect(view.connectors.painted, `connectors ${where}`).toEqual(view.connectors.expected);
    expect(view.dotsOutsideText, `connector dots outside the text areas ${where}`).toBe(0);
    sawEdges ||= view.edgeCounts > 0;
  }
  expect(sawEdges, "off-screen ends are counted by edge markers").toBe(true);

  // A stepped scroll through the first column, as a reader does.
  for (let step = 0; step <= 10; step++) {
    await scrollColumn(page, 0, step / 10);
    const view = await checkView(page, comparison.annotations);
    expect(view.highlights.painted, `highlights at step ${step}`).toEqual(view.highlights.expected);
    expect(view.connectors.painted, `connectors at step ${step}`).toEqual(view.connectors.expected);
    expect(view.dotsOutsideText).toBe(0);
  }
  await page.screenshot({ path: "test-results/screenshots/workbench-scale.png" });
});

test("an edge marker scrolls to the nearest linked passage out of view", async ({ page }) => {
  await signInApi(page.request, demo.analyst);
  const created = await createLargeComparison(page.request, { words: 2_000, seed: 21, title: `Edge markers ${Date.now()}` });
  await createRandomAnnotations(page.request, created, 40, 9);
  await page.goto(`/comparisons/${created.id}`);
  await settle(page);
  await scrollColumn(page, 0, 0.5);
  const frame = await gutterFrame(page, 0);
  const marker = frame?.edges.find((edge) => edge.corner.startsWith("right-"));
  expect(marker, "an edge marker on the right column's side").toBeTruthy();
  const before = await page.evaluate(() => document.querySelector<HTMLElement>('[data-scroll-side="1"]')!.scrollTop);
  await clickGutter(page, 0, marker!.x, marker!.y + (marker!.corner.endsWith("top") ? 6 : -6));
  await settle(page);
  const after = await page.evaluate(() => document.querySelector<HTMLElement>('[data-scroll-side="1"]')!.scrollTop);
  expect(after).not.toBe(before);
});
