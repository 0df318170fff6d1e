// Child process of report.bench.ts, so memory figures are one scenario's alone
// (on top of Node, the modules and a connected Prisma client). Prints one JSON line.
//   single <comparisonId> <actor>    one export as the server does it (load, render in a worker,
//                                    stream), then a second one with the event loop watched
//   parallel <comparisonId> <actor> N  N exports at once through the report queue
import { monitorEventLoopDelay } from "node:perf_hooks";

type Actor = { id: string; email: string; name: string; role: "analyst" };

async function exportOnce(comparisonId: string, actor: Actor): Promise<number> {
  const { loadReportData } = await import("../../lib/reports/service");
  const { acquireReportSlot, renderPdfInWorker } = await import("../../lib/reports/pdf-pool");
  const slot = await acquireReportSlot();
  try {
    const data = await loadReportData(actor, comparisonId, { scope: "approved" });
    const { stream } = await renderPdfInWorker(data, {}, slot.release);
    let bytes = 0;
    // A client reading the response: bytes pass through, nothing is kept.
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    return bytes;
  } catch (error) {
    slot.release();
    throw error;
  }
}

async function main(): Promise<void> {
  const [mode, comparisonId, actorJson, countText] = process.argv.slice(2);
  const actor = JSON.parse(actorJson!) as Actor;
  const { db } = await import("../../lib/db");
  // A running server has its modules loaded, its Prisma client connected and
  // its report workers started: the baseline. One tiny report starts a worker.
  await db.user.count();
  const { reportQueueState } = await import("../../lib/reports/pdf-pool");
  await import("../../lib/reports/service");
  void reportQueueState;
  const idleMb = process.memoryUsage().rss / 1024 / 1024;
  if (mode === "single") {
    const started = performance.now();
    const bytes = await exportOnce(comparisonId!, actor);
    const freshMs = performance.now() - started;
    const freshPeakMb = process.resourceUsage().maxRSS / 1024;
    // The same export again, as a warm server does it, with the event loop watched.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    let worstProbeMs = 0;
    let last = performance.now();
    // A stand-in for other requests: a timer that should fire every 10 ms.
    const probe = setInterval(() => {
      const now = performance.now();
      worstProbeMs = Math.max(worstProbeMs, now - last - 10);
      last = now;
    }, 10);
    delay.enable();
    const warmStarted = performance.now();
    await exportOnce(comparisonId!, actor);
    const warmMs = performance.now() - warmStarted;
    delay.disable();
    clearInterval(probe);
    console.log(
      JSON.stringify({
        baselineMb: idleMb,
        peakMb: freshPeakMb,
        totalMs: freshMs,
        warmMs,
        bytes,
        maxLoopDelayMs: delay.max / 1e6,
        worstProbeMs,
      }),
    );
  } else {
    const started = performance.now();
    const count = Number(countText ?? 20);
    const results = await Promise.allSettled(Array.from({ length: count }, () => exportOnce(comparisonId!, actor)));
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "unavailable").length;
    const failed = results.filter((r) => r.status === "rejected").length - refused;
    const totalMs = performance.now() - started;
    console.log(
      JSON.stringify({
        baselineMb: idleMb,
        peakMb: process.resourceUsage().maxRSS / 1024,
        totalMs,
        served: count - refused - failed,
        refused,
        failed,
      }),
    );
  }
  await db.$disconnect();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
