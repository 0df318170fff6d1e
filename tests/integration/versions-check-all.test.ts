// "Check all sources" against a local server on 127.0.0.1: every source with
// a URL is re-fetched, a changed page becomes a new version (re-anchoring its
// annotations), an unchanged one adds nothing, a failing one is reported; the
// run's progress and summary are read from the database.
import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createSource } from "@/lib/sources/service";
import { driveSourceCheck, getSourceCheck, listSourceChecks, startSourceCheck } from "@/lib/versions/check-service";
import { createAnnotation } from "@/lib/annotations/service";
import { createComparison } from "@/lib/comparisons/service";
import { createUser } from "@/tests/support/factories";

import { refused } from "./annotations-helpers";
import { spanOf, uniqueTitle } from "./sources-support";

const page = (body: string) => `<!doctype html><html><head><title>Page</title></head><body><article>${body}</article></body></html>`;
const pages = new Map<string, string>([
  ["/stable", page("<p>The stable article says the convoy left at dawn on Tuesday morning.</p>")],
  [
    "/edited",
    page("<p>At least 12 soldiers were killed near Kidal, officials said on Sunday evening.</p><p>The army denied the report.</p>"),
  ],
]);

let server: http.Server;
let base: string;
const loopbackOnly = { fetch: { policy: { allowedRanges: new Set(["loopback"]) } } };

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const body = pages.get(request.url ?? "");
    if (body) response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function waitForRun(admin: Awaited<ReturnType<typeof createUser>>, id: string) {
  // Other test files' sources with URLs are checked too (and fail: nothing answers there).
  for (let i = 0; i < 600; i++) {
    const run = await getSourceCheck(admin, id, loopbackOnly);
    if (run.status === "done") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the check did not finish");
}

describe("Check all sources", () => {
  it("re-fetches every source with a URL, adds versions where the text changed and sums up what changed", async () => {
    const admin = await createUser("admin");
    const analyst = await createUser("analyst");
    const stable = await createSource(analyst, { title: uniqueTitle("Stable"), url: `${base}/stable` }, loopbackOnly);
    const edited = await createSource(analyst, { title: uniqueTitle("Edited"), url: `${base}/edited` }, loopbackOnly);
    // A page that disappears before the check runs, as pages sometimes do.
    pages.set("/gone-soon", page("<p>This page will disappear before the check runs, as pages sometimes do.</p>"));
    const vanishing = await createSource(analyst, { title: uniqueTitle("Vanishing"), url: `${base}/gone-soon` }, loopbackOnly);
    pages.delete("/gone-soon");

    const comparison = await createComparison(analyst, { title: uniqueTitle("Check"), sourceIds: [edited.id, stable.id] });
    await createAnnotation(analyst, comparison.id, {
      kind: "note",
      rationale: "Toll.",
      spans: [spanOf(edited, "At least 12 soldiers were killed")],
    });
    await createAnnotation(analyst, comparison.id, {
      kind: "note",
      rationale: "Denial.",
      spans: [spanOf(edited, "The army denied the report.")],
    });
    pages.set(
      "/edited",
      page("<p>At least 15 soldiers were killed near Kidal, officials said on Sunday evening.</p><p>The army denied the report.</p>"),
    );

    const started = await startSourceCheck(admin, loopbackOnly);
    expect(started.status).toBe("running");
    await refused(startSourceCheck(admin, loopbackOnly), "conflict");
    await driveSourceCheck(started.id, loopbackOnly);
    const run = await waitForRun(admin, started.id);

    const item = (id: string) => run.items.find((entry) => entry.sourceId === id)!;
    expect(item(stable.id)).toMatchObject({ status: "unchanged", versionNumber: 1, summary: null });
    expect(item(edited.id)).toMatchObject({
      status: "changed",
      versionNumber: 2,
      summary: { unchanged: 1, changed: 1, orphaned: 0, annotationsFlagged: 1 },
    });
    expect(item(vanishing.id)).toMatchObject({ status: "failed", versionNumber: null });
    expect(item(vanishing.id).error).toMatch(/404/);
    expect(run.checked).toBe(run.total);
    expect(run.counts.pending + run.counts.running).toBe(0);
    expect(run.summary.changed).toBeGreaterThanOrEqual(1);
    expect(run.finishedAt).not.toBeNull();

    const version = await db.sourceVersion.findFirstOrThrow({
      where: { sourceId: edited.id, number: 2 },
      select: { origin: true, createdById: true },
    });
    expect(version).toEqual({ origin: "check_all", createdById: admin.id });
    expect(
      await db.auditEvent.count({ where: { entityId: started.id, action: { in: ["source_check.start", "source_check.finish"] } } }),
    ).toBe(2);
    expect((await listSourceChecks(admin))[0]!.id).toBe(started.id);
  }, 90_000);
});
