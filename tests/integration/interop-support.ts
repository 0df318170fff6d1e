// Helpers for the import/export tests: a Hypothesis search-result row made
// the way the Hypothesis client describes a selection on a page, and a copy
// of a comparison over the same sources.
import { db } from "@/lib/db";

let rowNumber = 0;

export type HypothesisRowOptions = { text?: string; tags?: string[]; uri?: string; references?: string[]; contextLength?: number };

/** A row of `GET /api/search` for `quote` as selected on `pageText` (the text of the page the annotator saw). */
export function hypothesisRow(pageText: string, quote: string, options: HypothesisRowOptions = {}) {
  const start = pageText.indexOf(quote);
  if (start < 0) throw new Error(`Quote not on the page: ${quote}`);
  const end = start + quote.length;
  const context = options.contextLength ?? 32;
  const codePoints = (s: string) => Array.from(s).length;
  const uri = options.uri ?? "https://news.example/wagner-rifts";
  rowNumber += 1;
  return {
    id: `hyp${rowNumber.toString().padStart(6, "0")}`,
    created: "2026-05-01T10:00:00.000000+00:00",
    updated: "2026-05-01T10:00:00.000000+00:00",
    user: "acct:jane@hypothes.is",
    uri,
    text: options.text ?? `Comment on ${quote.slice(0, 20)}`,
    tags: options.tags ?? [],
    group: "__world__",
    permissions: { read: ["group:__world__"] },
    references: options.references ?? [],
    document: { title: ["Rifts deepen"] },
    target: [
      {
        source: uri,
        selector: [
          { type: "RangeSelector", startContainer: "/div[1]/p[3]", startOffset: 0, endContainer: "/div[1]/p[3]", endOffset: quote.length },
          { type: "TextPositionSelector", start: codePoints(pageText.slice(0, start)), end: codePoints(pageText.slice(0, end)) },
          {
            type: "TextQuoteSelector",
            exact: quote,
            prefix: pageText.slice(Math.max(0, start - context), start),
            suffix: pageText.slice(end, end + context),
          },
        ],
      },
    ],
  };
}

/** A new comparison over the same sources, in the same order (nothing annotated yet). */
export async function copyComparison(comparisonId: string, createdById: string): Promise<string> {
  const sources = await db.comparisonSource.findMany({ where: { comparisonId }, orderBy: { position: "asc" } });
  const copy = await db.comparison.create({
    data: {
      title: `Copy ${Date.now()}`,
      createdById,
      sources: { create: sources.map(({ sourceId, position, label }) => ({ sourceId, position, label })) },
    },
    select: { id: true },
  });
  return copy.id;
}
