import "server-only";

import { existsSync } from "node:fs";
import path from "node:path";
import type * as WorkerThreads from "node:worker_threads";

import { AppError } from "@/lib/errors";
import type { RenderOptions } from "@/lib/reports/render-pdf";
import type { ReportData } from "@/lib/reports/types";
import type { RenderMessage, RenderPart } from "@/lib/reports/worker/render-worker";

// Reports are drawn in worker threads, never on the thread that answers
// requests: a 1,000-finding PDF is a second or more of synchronous drawing.
// A few workers (PARALLAX_PDF_CONCURRENCY, default 2 — one per core here)
// stay alive between reports; each renders one report at a time and streams
// its bytes back while drawing. A report waits for a free worker in a queue
// of at most PARALLAX_PDF_QUEUE (default 8); past that the request is refused
// with 503 and Retry-After instead of piling reports up in memory.

const concurrency = positiveInt(process.env.PARALLAX_PDF_CONCURRENCY, 2);
const queueBound = positiveInt(process.env.PARALLAX_PDF_QUEUE, 8);
/** Seconds a refused client is asked to wait. */
export const RETRY_AFTER_SECONDS = 5;
/**
 * The worker's heap. A 5,000-finding report keeps about 100 MB alive; a
 * bound near that makes V8 collect early instead of growing the process
 * (peak RSS), and a runaway report kills its worker, not the server.
 */
const WORKER_HEAP_MB = Number(process.env.PARALLAX_PDF_WORKER_HEAP_MB) || 256;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

// ---------------------------------------------------------------- the gate

let active = 0;
const waiting: Array<() => void> = [];

export type Slot = { release: () => void };

export function reportQueueState(): { active: number; waiting: number; concurrency: number; queueBound: number } {
  return { active, waiting: waiting.length, concurrency, queueBound };
}

/**
 * Waits for one of the `concurrency` report slots; refuses (503) when the
 * queue is full. Hold the slot while loading the data and rendering, so
 * queued reports hold nothing in memory yet.
 */
export async function acquireReportSlot(): Promise<Slot> {
  if (active >= concurrency) {
    if (waiting.length >= queueBound) {
      throw new AppError(
        "unavailable",
        `The server is generating ${active} reports and has ${waiting.length} waiting; try again shortly.`,
        {
          extra: { retryAfter: RETRY_AFTER_SECONDS },
        },
      );
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    active += 1;
  }
  let isReleased = false;
  return {
    release: () => {
      if (isReleased) return;
      isReleased = true;
      const next = waiting.shift();
      // The slot passes straight to the next in line (active stays the same).
      if (next) next();
      else active -= 1;
    },
  };
}

// ---------------------------------------------------------------- workers

type Job = {
  onMessage: (message: RenderMessage) => void;
  onCrash: (error: Error) => void;
};

type PooledWorker = { worker: WorkerThreads.Worker; job: Job | null };

// Taken from Node at run time rather than imported: the bundler (Turbopack)
// traces `new Worker(path)` and would try to bundle every file the path
// could name. The worker loads its own code from disk (entry.mjs).
const { Worker } = process.getBuiltinModule("node:worker_threads") as typeof WorkerThreads;

const idle: PooledWorker[] = [];
let nextJobId = 1;

function findEntry(): string {
  const override = process.env.PARALLAX_REPORT_WORKER;
  if (override) return override;
  // From the working directory, like the fonts: the same under next start (project root), Vitest and tsx.
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "lib", "reports", "worker", "entry.mjs");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`lib/reports/worker/entry.mjs not found above ${process.cwd()}`);
  }
}

function startWorker(): PooledWorker {
  const worker = new Worker(findEntry(), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  const pooled: PooledWorker = { worker, job: null };
  worker.on("message", (message: RenderMessage) => pooled.job?.onMessage(message));
  const fail = (error: Error) => {
    const index = idle.indexOf(pooled);
    if (index >= 0) idle.splice(index, 1);
    pooled.job?.onCrash(error);
    pooled.job = null;
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`Report worker exited with code ${code}`)));
  // Idle workers must not keep a script or a test run alive.
  worker.unref();
  return pooled;
}

function takeWorker(): PooledWorker {
  const pooled = idle.pop() ?? startWorker();
  // A running report keeps the process alive (an idle worker does not).
  pooled.worker.ref();
  return pooled;
}

function returnWorker(pooled: PooledWorker): void {
  pooled.job = null;
  pooled.worker.unref();
  if (idle.length < concurrency) idle.push(pooled);
  else void pooled.worker.terminate();
}

export type RenderedStream = { pages: number; stream: ReadableStream<Uint8Array> };

/**
 * Renders in a worker. Resolves once the layout is done (with the page
 * count) and the bytes start to flow; rejects before that if the report
 * cannot be laid out. `onFinished` runs once the worker is done (or failed).
 */
export function renderPdfInWorker(data: ReportData, options: RenderOptions = {}, onFinished?: () => void): Promise<RenderedStream> {
  return renderInWorker("pdf", data, options, onFinished);
}

function renderInWorker(
  format: "pdf" | "docx",
  data: ReportData,
  options: RenderOptions,
  onFinished?: () => void,
): Promise<RenderedStream> {
  const jobId = nextJobId++;
  const pooled = takeWorker();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  // A client that goes away cancels the stream; the worker still finishes its page run, its bytes are dropped.
  let isCancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => {
      isCancelled = true;
    },
  });
  const safely = (act: () => void) => {
    if (isCancelled) return;
    try {
      act();
    } catch {
      isCancelled = true;
    }
  };
  return new Promise<RenderedStream>((resolve, reject) => {
    let isStarted = false;
    let isFinished = false;
    const finish = () => {
      if (isFinished) return;
      isFinished = true;
      onFinished?.();
    };
    pooled.job = {
      onMessage: (message) => {
        if (message.jobId !== jobId) return;
        if (message.type === "laid-out") {
          isStarted = true;
          resolve({ pages: message.pages, stream });
        } else if (message.type === "chunk") {
          safely(() => controller.enqueue(message.bytes));
        } else if (message.type === "done") {
          safely(() => controller.close());
          returnWorker(pooled);
          finish();
        } else {
          const error = new Error(`Report rendering failed: ${message.message}`);
          error.stack = message.stack;
          if (isStarted) console.error("[reports] rendering failed after the response started:", error);
          if (isStarted) safely(() => controller.error(error));
          else reject(error);
          returnWorker(pooled);
          finish();
        }
      },
      onCrash: (error) => {
        if (isStarted) safely(() => controller.error(error));
        else reject(error);
        finish();
      },
    };
    void sendInParts(pooled.worker, jobId, format, data, options).catch((error: unknown) => pooled.job?.onCrash(error as Error));
  });
}

/** Findings per message: each copy to the worker is a short pause for the request thread. */
const PART_SIZE = 200;

async function sendInParts(
  worker: WorkerThreads.Worker,
  jobId: number,
  format: "pdf" | "docx",
  data: ReportData,
  options: RenderOptions,
): Promise<void> {
  const head: ReportData = { ...data, annotations: [], audit: data.audit ? { ...data.audit, findings: [] } : null };
  worker.postMessage({ jobId, type: "head", format, options, head } satisfies RenderPart);
  const findings = data.audit?.findings ?? [];
  for (let i = 0; i < Math.max(data.annotations.length, findings.length); i += PART_SIZE) {
    await new Promise((resolve) => setImmediate(resolve));
    worker.postMessage({
      jobId,
      type: "part",
      annotations: data.annotations.slice(i, i + PART_SIZE),
      findings: findings.slice(i, i + PART_SIZE),
    } satisfies RenderPart);
  }
  worker.postMessage({ jobId, type: "go" } satisfies RenderPart);
}

/** The whole PDF from a worker, in memory (sign-offs store it). */
export async function renderPdfBufferInWorker(data: ReportData, options: RenderOptions = {}): Promise<Buffer> {
  return collect(await renderPdfInWorker(data, options));
}

/** The Word document, built in a worker. */
export async function renderDocxInWorker(data: ReportData): Promise<Buffer> {
  return collect(await renderInWorker("docx", data, {}));
}

async function collect({ stream }: RenderedStream): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
