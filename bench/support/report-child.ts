// Child process of report.bench.ts: generates one report in a process that
// did nothing else, so its peak memory is the report's alone (on top of
// Node, the modules and a connected Prisma client). Prints one JSON line.
async function main(): Promise<void> {
  const [comparisonId, actorJson] = process.argv.slice(2);
  const { loadReportData } = await import("../../lib/reports/service");
  const { renderReportBuffer } = await import("../../lib/reports/render-pdf");
  const { db } = await import("../../lib/db");
  // A running server has its Prisma client started already: not the report's memory.
  await db.user.count();
  const baselineMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  const data = await loadReportData(JSON.parse(actorJson!), comparisonId!, { scope: "approved" });
  const pdf = await renderReportBuffer(data);
  const totalMs = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  await db.$disconnect();
  console.log(JSON.stringify({ baselineMb, peakMb, totalMs, bytes: pdf.length }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
