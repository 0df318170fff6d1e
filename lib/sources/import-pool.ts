import "server-only";

/**
 * Runs imports (extract.ts) on worker threads with a time budget, so that a
 * hostile or huge page costs one worker its budget instead of freezing every
 * request the server is handling. Past the budget the worker is terminated
 * (even mid-regex) and the caller gets ImportTimeoutError.
 *
 * Workers are kept for a while after a job (loading jsdom takes a few hundred
 * milliseconds) and never keep the process alive while idle. The same code
 * runs under `next start` (Turbopack bundles the worker entry because of the
 * `new Worker(new URL(…, import.meta.url))` form), and from the TypeScript
 * sources under tsx and Vitest, where the worker loads tsx itself.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";

import { AppError } from "@/lib/errors";

import type { ExtractJob, ExtractResult } from "./extract";
import type { WorkerError, WorkerRequest, WorkerResponse } from "./import-worker";

export const DEFAULT_IMPORT_TIMEOUT_SECONDS = 10;
const MAX_WORKERS = Math.max(1, Math.min(2, os.availableParallelism()));
const MAX_WAITING = 32;
const IDLE_MS = 30_000;
/** Heap per worker: a hostile page ends that worker, not the server. */
const WORKER_HEAP_MB = 1024;

export class ImportTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The import took longer than ${timeoutMs} ms and was stopped.`);
    this.name = "ImportTimeoutError";
  }
}

/** The worker died (out of memory, or a crash) before it answered. */
export class ImportCrashedError extends Error {
  constructor(reason: string) {
    super(`The import worker stopped: ${reason}`);
    this.name = "ImportCrashedError";
  }
}

/** The budget from PARALLAX_IMPORT_TIMEOUT_SECONDS, read at call time. */
export function importTimeoutMs(): number {
  const seconds = Number(process.env.PARALLAX_IMPORT_TIMEOUT_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_IMPORT_TIMEOUT_SECONDS) * 1000;
}

const idle: Worker[] = [];
const idleTimers = new Map<Worker, NodeJS.Timeout>();
const waiting: Array<() => void> = [];
let running = 0;
let nextId = 0;

async function spawnWorker(): Promise<Worker> {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  let worker: Worker;
  if (!process.env.NEXT_RUNTIME) {
    // Running from the TypeScript sources (tsx, Vitest — Next.js sets NEXT_RUNTIME): start an esbuild bundle of the entry.
    const { importWorkerScript } = (await import(/* turbopackIgnore: true */ "./import-worker-build")) as {
      importWorkerScript: () => string;
    };
    worker = new Worker(/* turbopackIgnore: true */ importWorkerScript(), options);
  } else {
    // The Next.js build: Turbopack bundles the entry named here.
    worker = new Worker(new URL("./import-worker.ts", import.meta.url), options);
  }
  worker.on("exit", () => forget(worker));
  // Errors are handled per job; an idle worker that fails is simply forgotten.
  worker.on("error", () => forget(worker));
  return worker;
}

function forget(worker: Worker): void {
  const index = idle.indexOf(worker);
  if (index >= 0) idle.splice(index, 1);
  clearTimeout(idleTimers.get(worker));
  idleTimers.delete(worker);
}

function park(worker: Worker): void {
  worker.unref();
  idle.push(worker);
  const timer = setTimeout(() => {
    forget(worker);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idleTimers.set(worker, timer);
}

async function takeWorker(): Promise<Worker> {
  const worker = idle.pop();
  if (!worker) return spawnWorker();
  clearTimeout(idleTimers.get(worker));
  idleTimers.delete(worker);
  worker.ref();
  return worker;
}

async function acquire(): Promise<void> {
  if (running < MAX_WORKERS) {
    running++;
    return;
  }
  if (waiting.length >= MAX_WAITING) {
    throw new AppError("unavailable", "The server is busy cleaning other articles. Try again in a minute.");
  }
  // The releasing job hands its slot over directly (running stays the same).
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

function revive(error: WorkerError): Error {
  if (error.isAppError) return new AppError(error.code, error.message, { errors: error.errors });
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

function runOnWorker(worker: Worker, job: ExtractJob, timeoutMs: number): Promise<ExtractResult> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const stop = (error: Error) => {
      cleanup();
      forget(worker);
      void worker.terminate();
      reject(error);
    };
    const timer = setTimeout(() => stop(new ImportTimeoutError(timeoutMs)), timeoutMs);
    const onMessage = (response: WorkerResponse) => {
      if (response.id !== id) return;
      cleanup();
      park(worker);
      if (response.ok) resolve(response.result);
      else reject(revive(response.error));
    };
    const onError = (error: Error) => stop(new ImportCrashedError(error.message));
    const onExit = (code: number) => stop(new ImportCrashedError(`exit code ${code}`));
    const cleanup = () => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, job } satisfies WorkerRequest);
  });
}

/** Runs one extraction on a worker; rejects with ImportTimeoutError past `timeoutMs`. */
export async function runImportJob(job: ExtractJob, timeoutMs = importTimeoutMs()): Promise<ExtractResult> {
  await acquire();
  try {
    return await runOnWorker(await takeWorker(), job, timeoutMs);
  } finally {
    release();
  }
}
