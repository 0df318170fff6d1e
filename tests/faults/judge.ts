// Turns the fault test's records into figures and a list of failures: how the
// app answered while PostgreSQL was down, how fast it recovered, and whether
// requests in flight at shutdown were finished. "Normal" is what the same run
// measured before the kill: on a busy 2-core machine 50 writers already wait
// in line, and the app sheds excess load with 503 by design (bounded waits).
import type { HealthSample } from "./outage";
import type { RequestRecord } from "./writers";

export type Timeline = { killAt: number; backAt: number; stopAt: number };

export type OutageFigures = {
  requests: number;
  before: { requests: number; p95Ms: number; rate503: number };
  /** The app was overloaded before the kill: timing bounds were not judged. */
  isSaturated: boolean;
  duringOutage: number;
  answered503: number;
  maxOutageWaitMs: number;
  outageWaitLimitMs: number;
  outageMs: number;
  recoveryMs: number | null;
  after: { requests: number; rate503: number };
  health503s: number;
  maxHealthLatencyMs: number;
  inFlightAtStop: number;
  failures: string[];
};

/** Longest a request may wait on a dead database, beyond the ordinary queueing measured before the kill. */
export const OUTAGE_WAIT_LIMIT_MS = 2000;
export const RECOVERY_LIMIT_MS = 5000;
const SATURATED_503_RATE = 0.5;
const SATURATED_P95_MS = 5000;
/** After recovery, the share of 503s may exceed the share before the kill by this much at most. */
const RATE_503_TOLERANCE = 0.05;

const overlaps = (record: { startedAt: number; ms: number }, from: number, to: number) =>
  record.startedAt <= to && record.startedAt + record.ms >= from;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}

const rate503 = (records: RequestRecord[]) => (records.length ? records.filter((r) => r.status === 503).length / records.length : 0);

export function judgeOutage(requests: RequestRecord[], health: HealthSample[], timeline: Timeline): OutageFigures {
  const { killAt, backAt, stopAt } = timeline;
  const failures: string[] = [];
  const at = (time: number) => `${time >= killAt ? "+" : ""}${((time - killAt) / 1000).toFixed(1)} s`;

  const beforeKill = requests.filter((record) => record.startedAt + record.ms < killAt);
  const before = {
    requests: beforeKill.length,
    p95Ms: percentile(
      beforeKill.map((r) => r.ms),
      0.95,
    ),
    rate503: rate503(beforeKill),
  };

  // Time each request waited while the database was down: from its start, or from the kill for
  // one already under way, until its answer or PostgreSQL's return (a wait outside the outage is
  // ordinary load; a request that never ends is caught as unanswered below).
  const during = requests.filter((record) => overlaps(record, killAt, backAt));
  const waitOf = (record: RequestRecord) => Math.min(record.startedAt + record.ms, backAt) - Math.max(record.startedAt, killAt);
  const longest = [...during].sort((a, b) => waitOf(b) - waitOf(a))[0];
  const maxOutageWaitMs = longest ? waitOf(longest) : 0;
  const outageWaitLimitMs = OUTAGE_WAIT_LIMIT_MS + before.p95Ms;
  // A machine so busy that the app already shed most writes or took seconds before the kill
  // cannot show whether the outage added a wait; hangs (no answer at all) are still caught below.
  const isSaturated = before.rate503 > SATURATED_503_RATE || before.p95Ms > SATURATED_P95_MS;
  if (isSaturated) {
    console.warn(
      `[faults] the app was saturated before the kill (p95 ${before.p95Ms} ms, ${(before.rate503 * 100).toFixed(0)} % 503): outage and recovery times are printed, not judged`,
    );
  }
  if (longest && maxOutageWaitMs > outageWaitLimitMs && !isSaturated) {
    failures.push(
      `a ${longest.op} sent at ${at(longest.startedAt)} waited ${maxOutageWaitMs} ms while the database was down (limit ${OUTAGE_WAIT_LIMIT_MS} ms + ${before.p95Ms} ms p95 before the kill), answered ${longest.status}`,
    );
  }
  const answered503 = requests.filter((record) => record.status === 503);
  if (answered503.length === 0) failures.push("no request was answered 503 during the outage (was the outage observed?)");
  const notProblem = answered503.filter((record) => !record.isProblemJson);
  if (notProblem.length > 0) failures.push(`${notProblem.length} 503 answer(s) were not application/problem+json`);

  // Requests sent after SIGTERM meet a closed port by design; all others must get an HTTP answer, never a 500.
  const broken = requests.filter(
    (record) => record.startedAt < stopAt && (record.status === 0 || (record.status >= 500 && record.status !== 503)),
  );
  for (const record of broken.slice(0, 5)) {
    failures.push(
      `${record.op} sent at ${at(record.startedAt)} answered ${record.status || "nothing"} after ${record.ms} ms: ${record.detail ?? ""}`,
    );
  }
  if (broken.length > 5) failures.push(`… and ${broken.length - 5} more requests without a proper answer`);

  const firstOk = requests
    .filter((record) => record.op !== "read" && record.startedAt >= backAt && record.status >= 200 && record.status < 300)
    .sort((a, b) => a.startedAt + a.ms - (b.startedAt + b.ms))[0];
  const recoveryMs = firstOk ? firstOk.startedAt + firstOk.ms - backAt : null;
  if (recoveryMs === null || (recoveryMs > RECOVERY_LIMIT_MS && !isSaturated)) {
    failures.push(`writes did not succeed within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL's return (${recoveryMs ?? "never"} ms)`);
  }
  const settled = (time: number) => time > backAt + RECOVERY_LIMIT_MS && time < stopAt;
  const afterRecovery = requests.filter((record) => settled(record.startedAt));
  const after = {
    requests: afterRecovery.length,
    rate503: rate503(afterRecovery),
  };
  // Rates need enough requests to mean anything; a busy machine may manage only a few.
  if (after.requests >= 20 && after.rate503 > before.rate503 + RATE_503_TOLERANCE) {
    failures.push(
      `after recovery ${(after.rate503 * 100).toFixed(0)} % of requests got 503, against ${(before.rate503 * 100).toFixed(0)} % before the kill`,
    );
  }
  const healthOkAfter = health.filter((sample) => sample.startedAt >= backAt && sample.status === 200);
  if (!healthOkAfter.some((sample) => isSaturated || sample.startedAt + sample.ms <= backAt + RECOVERY_LIMIT_MS)) {
    failures.push(`/api/health did not answer 200 within ${RECOVERY_LIMIT_MS / 1000} s of PostgreSQL's return`);
  }

  const healthDuring = health.filter((sample) => overlaps(sample, killAt, backAt));
  const health503s = healthDuring.filter((sample) => sample.status === 503 && sample.db !== "ok").length;
  const maxHealthLatencyMs = Math.max(0, ...healthDuring.map((sample) => sample.ms));
  if (health503s === 0) failures.push("/api/health never answered 503 while the database was down");
  if (maxHealthLatencyMs > outageWaitLimitMs)
    failures.push(`/api/health took ${maxHealthLatencyMs} ms during the outage (limit ${outageWaitLimitMs} ms)`);

  const inFlightAtStop = requests.filter((record) => record.startedAt < stopAt && record.startedAt + record.ms >= stopAt);
  const cutOff = inFlightAtStop.filter((record) => record.status === 0);
  if (cutOff.length > 0) failures.push(`${cutOff.length} request(s) in flight at SIGTERM got no answer (not drained)`);

  return {
    requests: requests.length,
    before,
    isSaturated,
    duringOutage: during.length,
    answered503: answered503.length,
    maxOutageWaitMs,
    outageWaitLimitMs,
    outageMs: backAt - killAt,
    recoveryMs,
    after,
    health503s,
    maxHealthLatencyMs,
    inFlightAtStop: inFlightAtStop.length,
    failures,
  };
}
