// One measured scenario: autocannon against a URL for a fixed time, plus the
// CPU time the server processes spent meanwhile (from /proc), so a figure can
// be read as "CPU milliseconds per request" as well as requests per second.
import { readFileSync } from "node:fs";

import autocannon from "autocannon";

export type Scenario = {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Processes whose CPU time is charged to this scenario (the app's server, or the floor). */
  pids: () => number[];
  /** The database's processes (postmaster and backends). */
  dbPids?: () => number[];
};

export type Figure = {
  name: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number | null;
  dbCpuMsPerRequest: number | null;
};

const TICKS_PER_SECOND = 100; // Linux USER_HZ

/** CPU milliseconds (user + system) each process has used so far. */
function cpuTimes(pids: number[]): Map<number, number> {
  const times = new Map<number, number>();
  for (const pid of pids) {
    try {
      // utime and stime are fields 14 and 15; the command name (field 2) may hold spaces, so split after ")".
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
    } catch {
      // gone
    }
  }
  return times;
}

/** CPU spent between two samples by the processes present in both (pool connections may come and go). */
function cpuSpent(before: Map<number, number>, after: Map<number, number>): number {
  let spent = 0;
  for (const [pid, ms] of after) if (before.has(pid)) spent += ms - before.get(pid)!;
  return spent;
}

export async function measure(scenario: Scenario): Promise<Figure> {
  const pids = scenario.pids();
  const dbPids = scenario.dbPids?.() ?? [];
  const cpuBefore = cpuTimes(pids);
  const dbBefore = cpuTimes(dbPids);
  const result = await autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration: scenario.seconds,
    method: scenario.method ?? "GET",
    headers: scenario.headers,
    body: scenario.body,
    timeout: 30,
  });
  const cpu = cpuSpent(cpuBefore, cpuTimes(pids));
  const dbCpu = cpuSpent(dbBefore, cpuTimes(scenario.dbPids?.() ?? []));
  const ok = result["2xx"];
  return {
    name: scenario.name,
    connections: scenario.connections,
    requests: ok,
    rps: ok / scenario.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest: ok > 0 && pids.length > 0 ? cpu / ok : null,
    dbCpuMsPerRequest: ok > 0 && dbPids.length > 0 ? dbCpu / ok : null,
  };
}
