import "server-only";

import { isAppError } from "@/lib/errors";
import { problemFromError, problemResponse } from "@/lib/http/problem";
import { acquireReportSlot, RETRY_AFTER_SECONDS, type Slot } from "@/lib/reports/pdf-pool";

/**
 * Runs a report export inside one of the few report slots. A full queue
 * answers 503 with Retry-After; otherwise `run` owns the slot and releases it
 * (when its worker finishes); if `run` throws, the slot is released here.
 */
export async function withReportSlot(run: (slot: Slot) => Promise<Response>): Promise<Response> {
  let slot: Slot;
  try {
    slot = await acquireReportSlot();
  } catch (error) {
    return busyResponse(error);
  }
  try {
    return await run(slot);
  } catch (error) {
    slot.release();
    throw error;
  }
}

/** A full report queue as 503 with Retry-After; any other error is rethrown for apiRoute. */
export function busyResponse(error: unknown): Response {
  if (isAppError(error) && error.code === "unavailable") {
    return problemResponse(problemFromError(error), { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  throw error;
}

export function pdfHeaders(disposition: string): HeadersInit {
  return { "Content-Type": "application/pdf", "Content-Disposition": disposition, "Cache-Control": "private, no-store" };
}

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function docxHeaders(disposition: string): HeadersInit {
  return { "Content-Type": DOCX_TYPE, "Content-Disposition": disposition, "Cache-Control": "private, no-store" };
}
