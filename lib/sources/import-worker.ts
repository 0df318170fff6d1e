/**
 * Worker-thread entry for imports (started by import-pool.ts). Receives one
 * job at a time, runs the synchronous extraction, and answers with the result
 * or a plain description of the error (classes do not survive postMessage).
 */
import { parentPort } from "node:worker_threads";

import { AppError } from "@/lib/errors";

import { extractSource, type ExtractJob } from "./extract";

export type WorkerRequest = { id: number; job: ExtractJob };

export type WorkerError =
  | { isAppError: true; code: AppError["code"]; message: string; errors?: Record<string, string> }
  | { isAppError: false; message: string; stack?: string };

export type WorkerResponse =
  { id: number; ok: true; result: ReturnType<typeof extractSource> } | { id: number; ok: false; error: WorkerError };

function describe(error: unknown): WorkerError {
  if (error instanceof AppError) return { isAppError: true, code: error.code, message: error.message, errors: error.errors };
  return error instanceof Error
    ? { isAppError: false, message: error.message, stack: error.stack }
    : { isAppError: false, message: String(error) };
}

parentPort?.on("message", ({ id, job }: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id, ok: true, result: extractSource(job) };
  } catch (error) {
    response = { id, ok: false, error: describe(error) };
  }
  parentPort!.postMessage(response);
});
