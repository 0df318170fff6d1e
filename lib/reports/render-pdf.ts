import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";

import PDFDocument from "pdfkit";

import { fontPath } from "@/lib/reports/fonts";
import { placeAssessment } from "@/lib/reports/layout/assessment";
import { placeAuditAppendix } from "@/lib/reports/layout/audit-appendix";
import { drawPageChrome } from "@/lib/reports/layout/chrome";
import { placeCover, scopeDescription } from "@/lib/reports/layout/cover";
import { placePartHeading } from "@/lib/reports/layout/flow";
import { placeMatrix } from "@/lib/reports/layout/matrix-page";
import { Output } from "@/lib/reports/layout/output";
import { measureSection, placeSection, type MeasuredSection } from "@/lib/reports/layout/section";
import { placeSummary } from "@/lib/reports/layout/summary";
import { margins } from "@/lib/reports/layout/theme";
import { kindGroupTitle, kindOrder, type ReportData } from "@/lib/reports/types";

// Pure renderer (no database, no server-only imports): it runs in the report
// worker thread (lib/reports/pdf-pool.ts), in tests and in the benchmark.

export type RenderOptions = {
  /**
   * Tagged PDF/A-2a (structure tree, artifacts, XMP identification, sRGB
   * output intent). On by default; off only to measure what tagging costs.
   */
  isTagged?: boolean;
};

/**
 * Draws the whole report and ends the document, which is a Node stream of
 * the PDF bytes. Every section is measured once; a dry layout pass counts the
 * pages so that footers can say "of Y" as each page is written, instead of
 * buffering all pages (bufferPages) to number them at the end. `onLaidOut`
 * runs after measuring and the dry pass, before the first page is painted:
 * failures up to there can still become a clean error response.
 */
export function renderReportPdf(
  data: ReportData,
  options: RenderOptions = {},
  onLaidOut?: (pages: number) => void,
  sink?: (chunk: Uint8Array | null) => void,
): PDFKit.PDFDocument {
  const isTagged = options.isTagged ?? true;
  const doc = new PDFDocument({
    size: "A4",
    margins,
    // A TTF from the start: the built-in Helvetica lacks most scripts (and PDF/A wants every font embedded).
    font: fontPath("sans"),
    lang: "en",
    displayTitle: true,
    pdfVersion: "1.7",
    ...(isTagged ? { tagged: true, subset: "PDF/A-2a" as const } : {}),
    info: {
      Title: data.comparison.title,
      Author: data.signoff?.signedBy ?? data.generatedBy.name,
      Subject: data.comparison.question ?? `Comparison report: ${scopeDescription[data.scope]}`,
      Creator: "Parallax",
      Producer: "Parallax (PDFKit)",
      CreationDate: data.signoff?.signedAt ?? data.generatedAt,
      Keywords: `comparison report, ${scopeDescription[data.scope]}${data.signoff ? `, content sha256 ${data.signoff.contentSha256}` : ""}`,
    },
  });
  escapeXmpValues(doc);
  if (sink) sendBytesTo(doc, sink);

  // Sections are measured as they are placed, in both passes, and dropped
  // after: measuring twice costs less than holding 5,000 measured sections.
  const context = { scope: data.scope, sources: data.sources };
  const measure = (index: number) => measureSection(doc, data.annotations[index]!, index + 1, context);
  const dry = new Output(doc, true);
  placeReport(dry, data, measure);
  onLaidOut?.(dry.pages);

  let page = 1;
  drawPageChrome(doc, data, page, dry.pages, isTagged);
  doc.on("pageAdded", () => drawPageChrome(doc, data, ++page, dry.pages, isTagged));
  const out = new Output(doc, false, isTagged);
  placeReport(out, data, measure);
  out.finish();
  if (out.pages !== dry.pages) throw new Error(`Layout drift: counted ${dry.pages} pages, painted ${out.pages}`);
  doc.end();
  return doc;
}

function placeReport(out: Output, data: ReportData, measure: (index: number) => MeasuredSection): void {
  const doc = out.doc;
  placeCover(out, doc, data);
  placeAssessment(out, doc, data);
  placeSummary(out, doc, data);
  if (data.annotations.some((a) => a.kind !== "note")) {
    out.y += 16;
    placeMatrix(out, doc, data);
  }
  for (const kind of kindOrder) {
    const group = data.annotations.flatMap((annotation, index) => (annotation.kind === kind ? [index] : []));
    if (group.length === 0) continue;
    out.addPage();
    out.begin("Sect");
    placePartHeading(out, doc, `${kindGroupTitle[kind]} (${group.length})`, 80);
    for (const index of group) placeSection(out, measure(index), data.scope);
    out.end();
  }
  placeAuditAppendix(out, doc, data);
}

/**
 * Hands every byte pdfkit writes to `sink` as it is written (null at the end).
 * As a Readable, the document would hold everything until the synchronous
 * drawing returns to the event loop; push() is the one funnel of its bytes.
 */
function sendBytesTo(doc: PDFKit.PDFDocument, sink: (chunk: Uint8Array | null) => void): void {
  const readable = doc as unknown as { push(chunk: Uint8Array | null): boolean; read(): Uint8Array | null };
  // The constructor has written the header already: take it from the stream's buffer first.
  for (let early = readable.read(); early !== null; early = readable.read()) sink(early);
  readable.push = (chunk) => {
    sink(chunk);
    return true;
  };
}

/**
 * pdfkit copies Title, Author, Subject and Keywords into the XMP packet
 * without escaping, so "Q&A <draft>" would make the metadata invalid XML.
 * Escape them for the packet only (the Info dictionary is written first).
 */
function escapeXmpValues(doc: PDFKit.PDFDocument): void {
  const internal = doc as unknown as { endMetadata(): void; info: Record<string, unknown> };
  const original = internal.endMetadata.bind(doc);
  internal.endMetadata = () => {
    const saved = { ...internal.info };
    for (const [key, value] of Object.entries(saved)) {
      if (typeof value === "string") internal.info[key] = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    try {
      original();
    } finally {
      internal.info = saved;
    }
  };
}

export function toWebStream(doc: PDFKit.PDFDocument): ReadableStream<Uint8Array> {
  return Readable.toWeb(doc as unknown as Readable) as NodeWebStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

/** The whole PDF in memory, in this thread: for the worker, tests and the benchmark. */
export async function renderReportBuffer(data: ReportData, options: RenderOptions = {}): Promise<Buffer> {
  const doc = renderReportPdf(data, options);
  const chunks: Buffer[] = [];
  for await (const chunk of doc as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
