import { expect, test } from "@playwright/test";

import { demo, demoComparisonId, signInApi } from "./support/auth";
import { annotationList, closePages, createLinked, escapeRegExp, expectLive, pageFor } from "./support/live";
import { hasCaddy, openEventStream, startProxy } from "./support/proxy";
import { freePort, secondServer, type SecondServer } from "./support/second-server";

// Two app instances (two `next start` from one build, different ports) on one
// PostgreSQL: an analyst on the first and a reviewer on the second see each
// other's work within two seconds, and a browser whose server went away
// catches up when it is back.

let second: SecondServer;

test.beforeAll(async () => {
  second = await secondServer();
});

test.afterEach(closePages);

test.afterAll(async () => {
  await second?.stop();
});

test("an annotation made on one server appears on the other, and the decision comes back", async ({ browser }) => {
  test.setTimeout(120_000);
  const analyst = await pageFor(browser, demo.analyst);
  const reviewer = await pageFor(browser, demo.reviewer, second.url);
  const comparisonId = await demoComparisonId(analyst.request);
  await analyst.goto(`/comparisons/${comparisonId}`);
  await reviewer.goto(`/comparisons/${comparisonId}`);
  await Promise.all([expectLive(analyst), expectLive(reviewer)]);
  expect(new URL(reviewer.url()).port).not.toBe(new URL(analyst.url()).port);
  // Presence is shared through PostgreSQL, so each sees the other across servers.
  await expect(analyst.getByTestId("presence")).toHaveAttribute("aria-label", /Rey Reviewer/);
  await expect(reviewer.getByTestId("presence")).toHaveAttribute("aria-label", /Ana Analyst/);

  const rationale = `Across servers (${Date.now()})`;
  const created = await createLinked(analyst.request, rationale);
  let started = Date.now(); // committed: the 201 is back
  const onReviewer = annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(rationale)) });
  await expect(onReviewer).toBeVisible({ timeout: 2_000 });
  expect(Date.now() - started, "created on server 1 → shown on server 2").toBeLessThan(2_000);

  // The reviewer decides on the second server, in the review panel.
  const panel = await reviewer.context().newPage();
  await panel.goto(`/review/${created.id}`);
  const decided = panel.waitForResponse((response) => response.url().endsWith(`/annotations/${created.id}/reviews`));
  await panel.getByRole("button", { name: "Approve" }).click();
  expect((await decided).status()).toBe(201);
  started = Date.now();
  const onAnalyst = annotationList(analyst).getByRole("button", { name: new RegExp(escapeRegExp(rationale)) });
  await expect(onAnalyst).toContainText("Approved", { timeout: 2_000 });
  expect(Date.now() - started, "approved on server 2 → shown on server 1").toBeLessThan(2_000);
  // After a decision the reviewer moves on: to the next item in the queue, or the queue itself.
  await expect(panel).toHaveURL(/\/review(\/[0-9a-f-]+)?\?done=approve$/);
  await analyst.screenshot({ path: "test-results/screenshots/live-two-servers.png" });
  await panel.close();

  // The reviewer's server goes away: live updates pause. Meanwhile the analyst keeps working.
  await second.stop();
  await expect(reviewer.getByTestId("live-status")).toHaveAttribute("data-status", "paused", { timeout: 15_000 });
  await expect(reviewer.getByTestId("live-status")).toContainText("Live updates paused");
  await reviewer.screenshot({ path: "test-results/screenshots/live-paused.png" });
  const missed = await createLinked(analyst.request, `Made while server 2 was down (${Date.now()})`);

  // It comes back: the browser reconnects by itself and replays what it missed.
  await second.start();
  await expectLive(reviewer);
  await expect(annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(missed.rationale)) })).toBeVisible({
    timeout: 15_000,
  });
  await expect(annotationList(reviewer).getByRole("button", { name: new RegExp(escapeRegExp(rationale)) })).toHaveCount(1);
});

test("through a round-robin reverse proxy, streams land on both instances and each hears of every change", async ({
  browser,
  playwright,
}) => {
  test.skip(!hasCaddy, "Caddy is not installed (npm test installs Debian's caddy when run as root)");
  const first = new URL(test.info().project.use.baseURL!);
  const proxy = await startProxy(Number(process.env.E2E_PROXY_PORT ?? 0) || (await freePort()), [
    `127.0.0.1:${first.port}`,
    `127.0.0.1:${new URL(second.url).port}`,
  ]);
  try {
    const api = await playwright.request.newContext({ baseURL: proxy.url });
    await signInApi(api, demo.reviewer);
    const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const comparisonId = await demoComparisonId(api);
    // Back to back, with nothing in between: round robin puts them on different instances.
    const streams = [
      await openEventStream(`${proxy.url}/api/v1/comparisons/${comparisonId}/events`, cookie),
      await openEventStream(`${proxy.url}/api/v1/comparisons/${comparisonId}/events`, cookie),
    ];
    await Promise.all(streams.map((stream) => stream.waitFor((e) => e.type === "hello")));
    const instances = streams.map((stream) => stream.events.find((e) => e.type === "hello")!.data.instanceId);
    expect(new Set(instances).size).toBe(2);

    // A browser through the proxy works live too; its page, API calls and stream go wherever the proxy sends them.
    const analyst = await pageFor(browser, demo.analyst, proxy.url);
    await analyst.goto(`/comparisons/${comparisonId}`);
    await expectLive(analyst);
    const created = await createLinked(api, `Through the proxy (${Date.now()})`);
    await Promise.all(streams.map((stream) => stream.waitFor((e) => e.type === "annotation" && e.data.id === created.id)));
    await expect(annotationList(analyst).getByRole("button", { name: new RegExp(escapeRegExp(created.rationale)) })).toBeVisible({
      timeout: 2_000,
    });
    await expect(analyst.getByTestId("presence")).toHaveAttribute("aria-label", /Rey Reviewer/);
    streams.forEach((stream) => stream.close());
    await analyst.context().close();
  } finally {
    await proxy.stop();
  }
});
