// Issue 9 item 1: imports run on a worker thread with a time budget. A slow
// page must not stall the process that serves requests, and past its budget
// it is stopped with a 422 that says so.
import { describe, expect, it } from "vitest";

import { prepareSource } from "@/lib/sources/prepare";

/** A legitimate but heavy page: thousands of paragraphs for jsdom and Readability. */
const heavyPage = `<html><body><article>${Array.from({ length: 5_000 }, (_, index) => `<p>Paragraph ${index} of a very long report, with some words in it.</p>`).join("")}</article></body></html>`;

/** The longest pause of the event loop while `work` runs, measured with a 5 ms timer. */
async function longestPause<T>(work: () => Promise<T>): Promise<{ pauseMs: number; elapsedMs: number; result: T }> {
  let last = performance.now();
  let pauseMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pauseMs = Math.max(pauseMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  try {
    const result = await work();
    return { pauseMs, elapsedMs: performance.now() - started, result };
  } finally {
    clearInterval(timer);
  }
}

describe("imports on a worker thread", () => {
  it("keeps the event loop turning while a heavy page is cleaned", async () => {
    await prepareSource({ text: "Warm up the worker." });
    const { pauseMs, elapsedMs, result } = await longestPause(() => prepareSource({ html: heavyPage }, { timeoutMs: 120_000 }));
    expect(result.text).toContain("Paragraph 4999 of a very long report");
    expect(elapsedMs).toBeGreaterThan(300);
    // On the request thread the pause would last the whole import.
    expect(pauseMs).toBeLessThan(Math.max(150, elapsedMs / 4));
  }, 180_000);

  it("stops an import past its time budget with a 422 naming the field", async () => {
    const started = performance.now();
    await expect(prepareSource({ html: heavyPage }, { timeoutMs: 200 })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/took longer than 0\.2 seconds, so it was stopped/),
      errors: { html: "Took longer than 0.2 seconds to clean." },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    // The pool replaced the stopped worker: the next import works.
    await expect(prepareSource({ text: "Still working." })).resolves.toMatchObject({ text: "Still working." });
  }, 60_000);

  it("refuses pages nested thousands of levels deep at once, without a stack overflow", async () => {
    const started = performance.now();
    await expect(prepareSource({ html: `<body>${"<div>".repeat(100_000)}x</body>` })).rejects.toMatchObject({
      status: 422,
      errors: { html: expect.stringMatching(/nested more than 512 levels deep/) },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 60_000);
});
