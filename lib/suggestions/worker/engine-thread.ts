// Runs the engine in one long-lived worker thread (the NLP model loads once)
// that is stopped after a minute without work. Works in three settings:
//  - Next.js (`next start`/`next dev`): the literal `new Worker(new URL(…))`
//    below is what Turbopack recognises and bundles as a worker entry;
//  - tsx and Vitest: the thread loads the TypeScript entry through tsx's
//    loader (Node 20 ignores `--import` in a worker's execArgv, so the
//    loader is registered by a small bootstrap instead).
import { Worker } from "node:worker_threads";

import type { SourceInput, SuggestionResult, SuggestProgress } from "../types";
import type { EngineReply, EngineRequest } from "./protocol";

const IDLE_MS = 60_000;
const ENTRY = "./engine-worker.ts";

type Pending = { resolve: (result: SuggestionResult) => void; reject: (error: Error) => void; onProgress?: (p: SuggestProgress) => void };

let worker: Worker | null = null;
let nextId = 1;
let idleTimer: NodeJS.Timeout | null = null;
const pending = new Map<number, Pending>();

function spawn(): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./engine-worker.ts", import.meta.url));
  const entry = new URL(ENTRY, import.meta.url).href;
  const bootstrap = `import { register } from "tsx/esm/api"; register(); await import(${JSON.stringify(entry)});`;
  // Constructed indirectly so bundlers do not take the bootstrap for a file name.
  return Reflect.construct(Worker, [bootstrap, { eval: true }]) as Worker;
}

function failAll(error: Error): void {
  for (const [id, request] of pending) {
    pending.delete(id);
    request.reject(error);
  }
}

function onReply(message: EngineReply): void {
  const request = pending.get(message.id);
  if (!request) return;
  if (message.type === "progress") return request.onProgress?.(message.progress);
  pending.delete(message.id);
  if (message.type === "result") request.resolve(message.result);
  else request.reject(new Error(`Suggestion engine failed: ${message.message}`));
  if (pending.size === 0) idle();
}

function getWorker(): Worker {
  if (worker) return worker;
  const started = spawn();
  started.on("message", onReply);
  started.on("error", (error) => failAll(error instanceof Error ? error : new Error(String(error))));
  started.on("exit", (code) => {
    if (worker === started) worker = null;
    failAll(new Error(`The suggestion engine thread stopped (exit code ${code}).`));
  });
  worker = started;
  return started;
}

/** While idle the thread must not keep the process alive, and goes away after a while. */
function idle(): void {
  worker?.unref();
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => void stopEngineThread(), IDLE_MS);
  idleTimer.unref();
}

/** Whether the thread is running, and whether it has work: for health checks and tests. */
export function engineThreadState(): "stopped" | "idle" | "busy" {
  if (!worker) return "stopped";
  return pending.size > 0 ? "busy" : "idle";
}

/** Suggestions for the sources, computed in the worker thread. */
export function computeInThread(sources: SourceInput[], onProgress?: (progress: SuggestProgress) => void): Promise<SuggestionResult> {
  if (idleTimer) clearTimeout(idleTimer);
  const thread = getWorker();
  thread.ref();
  const id = nextId++;
  return new Promise<SuggestionResult>((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    thread.postMessage({ id, sources } satisfies EngineRequest);
  });
}

/** Stops the thread; a computation in progress fails (its job is retried). */
export async function stopEngineThread(): Promise<void> {
  const current = worker;
  worker = null;
  if (idleTimer) clearTimeout(idleTimer);
  if (current) await current.terminate();
  failAll(new Error("The suggestion engine thread was stopped."));
}
