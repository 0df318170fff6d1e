import "server-only";

import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";

import PDFDocument from "pdfkit";

import { fontPath } from "@/lib/reports/fonts";
import { drawPageChrome } from "@/lib/reports/layout/chrome";
import { drawCover, scopeDescription } from "@/lib/reports/layout/cover";
import { Output } from "@/lib/reports/layout/output";
import { measureSection, placeSection, type MeasuredSection } from "@/lib/reports/layout/section";
import { drawSummary } from "@/lib/reports/layout/summary";
import { setStyle } from "@/lib/reports/layout/text";
import { colors, margins, sizes } from "@/lib/reports/layout/theme";
import type { ReportData, ReportScope } from "@/lib/reports/types";

/**
 * Draws the whole report and ends the document, which is a Node stream of
 * the PDF bytes. Every section is measured once; a dry layout pass counts the
 * pages so that footers can say "of Y" as each page is written, instead of
 * buffering all pages (bufferPages) to number them at the end. Drawing is
 * synchronous, so errors surface here, before a response has started.
 */
export function renderReportPdf(data: ReportData): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins,
    // A TTF from the start: the built-in Helvetica lacks most scripts.
    font: fontPath("sans"),
    lang: "en",
    displayTitle: true,
    info: {
      Title: data.comparison.title,
      Author: data.generatedBy.name,
      Subject: data.comparison.question ?? `Comparison report: ${scopeDescription[data.scope]}`,
      Creator: "Parallax",
      Producer: "Parallax (PDFKit)",
      CreationDate: data.generatedAt,
      Keywords: `comparison report, ${scopeDescription[data.scope]}`,
    },
  });

  const context = { scope: data.scope, sources: data.sources };
  const sections = data.annotations.map((annotation, i) => measureSection(doc, annotation, i + 1, context));
  const dry = new Output(doc, true);
  placeSections(dry, sections, data.scope);

  let page = 1;
  drawPageChrome(doc, data, page, dry.pages);
  doc.on("pageAdded", () => drawPageChrome(doc, data, ++page, dry.pages));
  drawCover(doc, data);
  drawSummary(doc, data);
  placeSections(new Output(doc, false), sections, data.scope);
  doc.end();
  return doc;
}

function placeSections(out: Output, sections: MeasuredSection[], scope: ReportScope): void {
  if (sections.length === 0) return;
  out.addPage();
  const y = out.y;
  out.paint((doc) => setStyle(doc, "sansBold", sizes.h1, colors.text).text("Annotations", margins.left, y, { lineBreak: false }));
  out.y += 30;
  for (const section of sections) placeSection(out, section, scope);
}

export function toWebStream(doc: PDFKit.PDFDocument): ReadableStream<Uint8Array> {
  return Readable.toWeb(doc as unknown as Readable) as NodeWebStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

/** The whole PDF in memory, for tests and the benchmark. */
export async function renderReportBuffer(data: ReportData): Promise<Buffer> {
  const doc = renderReportPdf(data);
  const chunks: Buffer[] = [];
  for await (const chunk of doc as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}
