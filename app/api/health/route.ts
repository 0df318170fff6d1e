import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// Load balancers and the launcher poll this: it must answer quickly even when
// the database hangs or the pool is saturated, so the probe has its own bound.
const PROBE_TIMEOUT_MS = 1000;

function probeDatabase(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database probe timed out")), PROBE_TIMEOUT_MS);
  });
  return Promise.race([db.$queryRaw`SELECT 1`.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  try {
    await probeDatabase();
    return Response.json({ status: "ok", db: "ok" }, { headers });
  } catch {
    return Response.json({ status: "degraded", db: "unreachable" }, { status: 503, headers: { ...headers, "Retry-After": "2" } });
  }
}
