import { parentPort } from "node:worker_threads";
import zlib from "node:zlib";

import { renderReportDocx } from "@/lib/reports/render-docx";
import { renderReportPdf, type RenderOptions } from "@/lib/reports/render-pdf";
import type { ReportData } from "@/lib/reports/types";

// Renders one report at a time off the server's request thread and sends
// the PDF back in chunks while pages are still being drawn (pdfkit writes
// each page out when the next one starts). Messages: laid-out (the page
// count, before painting), chunk (transferred bytes), done, error.

export type RenderRequest = { jobId: number; format: "pdf" | "docx"; data: ReportData; options: RenderOptions };

/**
 * A report arrives in parts, so that copying it to this thread never blocks
 * the request thread for long: the head (everything but the findings and
 * their histories), then findings and histories in slices, then "go".
 */
export type RenderPart =
  | { jobId: number; type: "head"; format: RenderRequest["format"]; options: RenderOptions; head: ReportData }
  | { jobId: number; type: "part"; annotations: ReportData["annotations"]; findings: NonNullable<ReportData["audit"]>["findings"] }
  | { jobId: number; type: "go" };

export type RenderMessage =
  | { jobId: number; type: "laid-out"; pages: number }
  | { jobId: number; type: "chunk"; bytes: Uint8Array }
  | { jobId: number; type: "done"; bytes: number }
  | { jobId: number; type: "error"; message: string; stack?: string };

const CHUNK_BYTES = 256 * 1024;

// pdfkit compresses every page with zlib's default level 6; level 1 is about
// three times faster for ~15 % larger files, a better trade for reports made
// on demand. Only this worker thread's zlib is changed (pdfkit is its only user).
const deflateSync = zlib.deflateSync;
(zlib as { deflateSync: typeof deflateSync }).deflateSync = (data, options) => deflateSync(data, { level: 1, ...options });

/** A Word document is built whole (docx zips it at the end), then sent in one message. */
async function renderDocx({ jobId, data }: RenderRequest): Promise<void> {
  const port = parentPort!;
  try {
    const buffer = await renderReportDocx(data);
    port.postMessage({ jobId, type: "laid-out", pages: 0 } satisfies RenderMessage);
    const bytes = new Uint8Array(buffer.length);
    bytes.set(buffer);
    port.postMessage({ jobId, type: "chunk", bytes } satisfies RenderMessage, [bytes.buffer]);
    port.postMessage({ jobId, type: "done", bytes: bytes.length } satisfies RenderMessage);
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ jobId, type: "error", message: failure.message, stack: failure.stack } satisfies RenderMessage);
  }
}

function render({ jobId, data, options }: RenderRequest): void {
  const port = parentPort!;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    const bytes = Buffer.concat(pending, pendingBytes);
    // A fresh ArrayBuffer per message, handed over without copying.
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    port.postMessage({ jobId, type: "chunk", bytes: copy } satisfies RenderMessage, [copy.buffer]);
    pending = [];
    pendingBytes = 0;
  };
  try {
    const doc = renderReportPdf(
      data,
      options,
      (pages) => port.postMessage({ jobId, type: "laid-out", pages } satisfies RenderMessage),
      (chunk) => {
        if (chunk === null) {
          flush();
          port.postMessage({ jobId, type: "done", bytes: total } satisfies RenderMessage);
          return;
        }
        pending.push(chunk);
        pendingBytes += chunk.length;
        total += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) flush();
      },
    );
    void doc;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ jobId, type: "error", message: failure.message, stack: failure.stack } satisfies RenderMessage);
  }
}

const assembling = new Map<number, RenderRequest>();

parentPort?.on("message", (part: RenderPart) => {
  if (part.type === "head") {
    assembling.set(part.jobId, { jobId: part.jobId, format: part.format, options: part.options, data: part.head });
    return;
  }
  const request = assembling.get(part.jobId);
  if (!request) return;
  if (part.type === "part") {
    request.data.annotations.push(...part.annotations);
    request.data.audit?.findings.push(...part.findings);
    return;
  }
  assembling.delete(part.jobId);
  if (request.format === "docx") void renderDocx(request);
  else render(request);
});
