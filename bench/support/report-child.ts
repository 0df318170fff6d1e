// Child process of report.bench.ts, so memory figures are one scenario's alone
// (on top of Node, the modules and a connected Prisma client). Prints one JSON line.
//   single <comparisonId> <actor>    one export as the server does it: load, render in a worker, stream
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
  // A running server has its Prisma client started and its workers warm: not the report's memory.
  await db.user.count();
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  if (mode === "single") {
    const delay = monitorEventLoopDelay({ resolution: 5 });
    // A stand-in for other requests: a timer that should fire every 10 ms.
    let worstProbeMs = 0;
    let last = performance.now();
    const probe = setInterval(() => {
      const now = performance.now();
      worstProbeMs = Math.max(worstProbeMs, now - last - 10);
      last = now;
    }, 10);
    delay.enable();
    const bytes = await exportOnce(comparisonId!, actor);
    delay.disable();
    clearInterval(probe);
    const totalMs = performance.now() - started;
    console.log(
      JSON.stringify({
        baselineMb,
        peakMb: process.resourceUsage().maxRSS / 1024,
        totalMs,
        bytes,
        maxLoopDelayMs: delay.max / 1e6,
        worstProbeMs,
      }),
    );
  } else {
    const count = Number(countText ?? 20);
    const results = await Promise.allSettled(Array.from({ length: count }, () => exportOnce(comparisonId!, actor)));
    const refused = results.filter((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "unavailable").length;
    const failed = results.filter((r) => r.status === "rejected").length - refused;
    const totalMs = performance.now() - started;
    console.log(
      JSON.stringify({
        baselineMb,
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
