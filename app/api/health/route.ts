import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Load balancers and the launcher poll this: it must answer quickly even when
// the database hangs or the pool is saturated, so the probe has its own bound.
const PROBE_TIMEOUT_MS = 1000;

/** "ok", "unreachable" (the query failed) or "timeout" (no answer in time: down, hanging or saturated). */
async function probeDatabase(): Promise<"ok" | "unreachable" | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), PROBE_TIMEOUT_MS);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer));
}

export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  const state = await probeDatabase();
  if (state === "ok") return Response.json({ status: "ok", db: "ok" }, { headers });
  return Response.json({ status: "degraded", db: state }, { status: 503, headers: { ...headers, "Retry-After": "2" } });
}
