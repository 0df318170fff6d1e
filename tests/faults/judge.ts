// Turns the fault test's records into figures and a list of failures: how the
// app answered while PostgreSQL was down, how fast it recovered, and whether
// requests in flight at shutdown were finished.
import type { HealthSample } from "./outage";
import type { RequestRecord } from "./writers";

export type Timeline = { killAt: number; backAt: number; stopAt: number };

export type OutageFigures = {
  requests: number;
  duringOutage: number;
  answered503: number;
  maxOutageLatencyMs: number;
  outageMs: number;
  recoveryMs: number | null;
  health503s: number;
  maxHealthLatencyMs: number;
  inFlightAtStop: number;
  failures: string[];
};

export const OUTAGE_LATENCY_LIMIT_MS = 2000;
export const RECOVERY_LIMIT_MS = 5000;

const overlaps = (record: { startedAt: number; ms: number }, from: number, to: number) =>
  record.startedAt <= to && record.startedAt + record.ms >= from;

export function judgeOutage(requests: RequestRecord[], health: HealthSample[], timeline: Timeline): OutageFigures {
  const { killAt, backAt, stopAt } = timeline;
  const failures: string[] = [];
  const during = requests.filter((record) => overlaps(record, killAt, backAt));
  const answered503 = requests.filter((record) => record.status === 503);
  // Time each request spent waiting while the database was down: from its start, or from the
  // kill for one already under way (its wait before the kill is ordinary load, not the outage).
  const maxOutageLatencyMs = Math.max(0, ...during.map((record) => record.startedAt + record.ms - Math.max(record.startedAt, killAt)));
  if (maxOutageLatencyMs > OUTAGE_LATENCY_LIMIT_MS)
    failures.push(`a request waited ${maxOutageLatencyMs} ms while the database was down (limit ${OUTAGE_LATENCY_LIMIT_MS} ms)`);
  if (answered503.length === 0) failures.push("no request was answered 503 during the outage (was the outage observed?)");
  const notProblem = answered503.filter((record) => !record.isProblemJson);
  if (notProblem.length > 0) failures.push(`${notProblem.length} 503 answer(s) were not application/problem+json`);

  const broken = requests.filter((record) => record.status === 0 || (record.status >= 500 && record.status !== 503));
  for (const record of broken.slice(0, 5))
    failures.push(`${record.op} answered ${record.status || "nothing"} after ${record.ms} ms: ${record.detail ?? ""}`);
  if (broken.length > 5) failures.push(`… and ${broken.length - 5} more requests without a proper answer`);

  const writes = requests.filter((record) => record.op !== "read");
  const firstOk = writes
    .filter((record) => record.startedAt >= backAt && record.status >= 200 && record.status < 300)
    .sort((a, b) => a.startedAt + a.ms - (b.startedAt + b.ms))[0];
  const recoveryMs = firstOk ? firstOk.startedAt + firstOk.ms - backAt : null;
  if (recoveryMs === null || recoveryMs > RECOVERY_LIMIT_MS)
    failures.push(`writes did not succeed within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL's return (${recoveryMs ?? "never"} ms)`);
  const late503 = requests.filter(
    (record) => record.status === 503 && record.startedAt > backAt + RECOVERY_LIMIT_MS && record.startedAt < stopAt,
  );
  if (late503.length > 0)
    failures.push(`${late503.length} request(s) still got 503 more than ${RECOVERY_LIMIT_MS / 1000} s after PostgreSQL was back`);

  const healthDuring = health.filter((sample) => overlaps(sample, killAt, backAt));
  const health503s = healthDuring.filter((sample) => sample.status === 503 && sample.db === "unreachable").length;
  const maxHealthLatencyMs = Math.max(0, ...healthDuring.map((sample) => sample.ms));
  if (health503s === 0) failures.push("/api/health never answered 503 with db unreachable while the database was down");
  if (maxHealthLatencyMs > OUTAGE_LATENCY_LIMIT_MS) failures.push(`/api/health took ${maxHealthLatencyMs} ms during the outage`);
  const healthAfter = health.filter((sample) => sample.startedAt > backAt + RECOVERY_LIMIT_MS && sample.startedAt < stopAt);
  if (healthAfter.some((sample) => sample.status !== 200)) failures.push("/api/health did not stay 200 after recovery");

  const inFlightAtStop = requests.filter((record) => record.startedAt < stopAt && record.startedAt + record.ms >= stopAt);
  const cutOff = inFlightAtStop.filter((record) => record.status === 0);
  if (cutOff.length > 0) failures.push(`${cutOff.length} request(s) in flight at SIGTERM got no answer (not drained)`);

  return {
    requests: requests.length,
    duringOutage: during.length,
    answered503: answered503.length,
    maxOutageLatencyMs,
    outageMs: backAt - killAt,
    recoveryMs,
    health503s,
    maxHealthLatencyMs,
    inFlightAtStop: inFlightAtStop.length,
    failures,
  };
}
