import "server-only";

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import {
  claimSuggestionJob,
  enqueueStaleSuggestionJobs,
  failSuggestionJob,
  fingerprintOf,
  heartbeatSuggestionJob,
  loadComparisonInputs,
  type ClaimedJob,
} from "./jobs";
import { saveSuggestionResult } from "./store";
import type { SuggestProgress } from "./types";
import { computeInThread, stopEngineThread } from "./worker/engine-thread";

// The loop each app instance runs in the background: claim a job from the
// database queue, compute in the engine's worker thread while renewing the
// lease and reporting progress, store the result, repeat until the queue is
// empty; then poll every few seconds (another instance may have queued work),
// or sooner when this instance queues a job itself (kick).

export type RunnerOptions = {
  /** Identifies this instance in job rows. */
  workerId?: string;
  pollMs?: number;
  /** How long a claimed job stays this instance's without a heartbeat. */
  leaseMs?: number;
  maxAttempts?: number;
  /** How often to look for comparisons whose suggestions are out of date. */
  sweepMs?: number;
  log?: (message: string) => void;
};

const STAGE_LABEL: Record<SuggestProgress["stage"], string> = { reading: "Reading the sources", comparing: "Comparing passages" };

export class SuggestionRunner {
  readonly workerId: string;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly sweepMs: number;
  private readonly log: (message: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private isStopped = false;
  /** Set by stop({abandon}): results of the running job are dropped, as if the process had died. */
  private isAbandoned = false;
  private isKicked = false;
  private lastSweepAt = 0;

  constructor(options: RunnerOptions = {}) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs ?? 3000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.sweepMs = options.sweepMs ?? 5 * 60_000;
    this.log = options.log ?? ((message) => console.log(`[suggestions] ${message}`));
  }

  start(): this {
    this.isStopped = false;
    this.isAbandoned = false;
    this.kick();
    return this;
  }

  /** Looks for work now rather than at the next poll. */
  kick(): void {
    if (this.isStopped) return;
    if (this.loop) {
      this.isKicked = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.loop = this.runUntilIdle()
      .then(() => undefined)
      .catch((error: unknown) => this.log(`queue check failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.loop = null;
        if (this.isStopped) return;
        if (this.isKicked) return this.kick();
        // Jitter keeps several instances from polling in step.
        this.timer = setTimeout(() => this.kick(), this.pollMs * (0.75 + Math.random() / 2));
        this.timer.unref();
      });
  }

  /** Processes jobs until none can be claimed. Resolves when the queue is empty. */
  async runUntilIdle(): Promise<number> {
    this.isKicked = false;
    if (Date.now() - this.lastSweepAt >= this.sweepMs) {
      this.lastSweepAt = Date.now();
      const queued = await enqueueStaleSuggestionJobs();
      if (queued > 0) this.log(`queued ${queued} comparison(s) whose suggestions were missing or out of date`);
    }
    let processed = 0;
    while (!this.isStopped) {
      const job = await claimSuggestionJob({ workerId: this.workerId, leaseMs: this.leaseMs, maxAttempts: this.maxAttempts });
      if (!job) break;
      await this.process(job);
      processed++;
    }
    return processed;
  }

  private async process(job: ClaimedJob): Promise<void> {
    const startedAt = Date.now();
    let fingerprint: string | null = null;
    let progress = { percent: 0, stage: "Reading the sources" };
    const heartbeat = setInterval(
      () => {
        void heartbeatSuggestionJob(job, this.leaseMs, progress.percent, progress.stage).catch(() => {});
      },
      // Often enough that a watcher sees progress move during a computation of a second or two.
      Math.min(250, this.leaseMs / 3),
    );
    heartbeat.unref();
    try {
      const sources = await loadComparisonInputs(job.comparisonId, true);
      fingerprint = fingerprintOf(sources);
      const inputs = sources.map(({ id, text, language, label }) => ({ id, text, language, label }));
      const result = await computeInThread(inputs, (update) => {
        progress = { percent: Math.min(99, Math.round((100 * update.done) / Math.max(1, update.total))), stage: STAGE_LABEL[update.stage] };
      });
      if (this.isAbandoned) return;
      const outcome = await saveSuggestionResult(job, sources, fingerprint, result);
      this.log(`${job.comparisonId}: ${result.suggestions.length} suggestion(s) in ${Date.now() - startedAt} ms (${outcome})`);
    } catch (error) {
      if (this.isAbandoned) return;
      const message = error instanceof Error ? error.message : String(error);
      this.log(`${job.comparisonId}: attempt ${job.attempts} failed: ${message}`);
      await failSuggestionJob(job, message, this.maxAttempts, fingerprint);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Stops polling. With `abandon`, also stops the engine thread and leaves a
   * running job as a crash would (its lease runs out and another instance
   * retries it); otherwise waits for the running job to finish.
   */
  async stop(options: { abandon?: boolean } = {}): Promise<void> {
    this.isStopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (options.abandon) {
      this.isAbandoned = true;
      await stopEngineThread();
    }
    await this.loop;
  }
}

const globalForRunner = globalThis as unknown as { parallaxSuggestionRunner?: SuggestionRunner };

/** The instance's runner (one per process), started on first call. */
export function startSuggestionRunner(options: RunnerOptions = {}): SuggestionRunner {
  globalForRunner.parallaxSuggestionRunner ??= new SuggestionRunner(options).start();
  return globalForRunner.parallaxSuggestionRunner;
}

/** Tells this process's runner, if it has one, that a job was queued. */
export function kickSuggestionRunner(): void {
  globalForRunner.parallaxSuggestionRunner?.kick();
}
