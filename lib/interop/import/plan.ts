// Anchors every item of a file onto the comparison's sources and decides what
// becomes of it (pure: the service reads the texts and writes the result).
// Each passage is anchored with lib/anchoring — the quote decides, the W3C
// position (code points, converted to UTF-16) is only a hint — with
// `emptyContext: "unknown"`, as other tools may omit context they did not
// need. Outcomes: anchored (the quote is there), fuzzy (reworded: the text it
// attached to is reported for a person to confirm), orphaned (no place beyond
// doubt: reported, never attached to a look-alike), rejected (cannot be an
// annotation), duplicate (the same finding is already in the comparison).

import { anchorIn, prepareAnchorText, type AnchorResult, type AnchorText, type OrphanReason } from "@/lib/anchoring/anchor";
import { createOffsetConverter, type OffsetConverter } from "@/lib/anchoring/code-points";
import { kindProblem, overlappingSpanIndex } from "@/lib/annotations/kinds";
import type { SpanInput } from "@/lib/annotations/schemas";

import { REPORT_RATIONALE_CHARS } from "./limits";
import { candidateSources } from "./match-source";
import type { ImportItem, ImportTarget, ItemReport, PassageReport } from "./types";

export type PlanSource = { id: string; label: string; url: string | null; text: string };
export type ExistingAnnotation = {
  kind: string;
  rationale: string;
  spans: ReadonlyArray<{ sourceId: string; start: number; end: number }>;
};
export type ItemPlan = { item: ImportItem; report: ItemReport; spans: SpanInput[] | null };

const orphanReasons: Record<OrphanReason, string> = {
  "empty-quote": "The quote is empty.",
  "not-found": "The quote was not found.",
  "weak-evidence": "Only a doubtful look-alike was found.",
  ambiguous: "The quote occurs more than once and its context does not say which.",
};

type Prepared = { source: PlanSource; text: AnchorText; converter: () => OffsetConverter };

function duplicateKey(kind: string, rationale: string, spans: ExistingAnnotation["spans"]): string {
  const places = spans.map((span) => `${span.sourceId}:${span.start}:${span.end}`).sort();
  return `${kind}\u0000${rationale.trim()}\u0000${places.join(",")}`;
}

type Attached = Exclude<AnchorResult, { status: "orphaned" }>;
type Anchoring = Attached | (AnchorResult & { status: "orphaned" });

/**
 * The library attaches only with positive evidence on both sides or a clear
 * margin. A file made on another rendering of the article (a teaser above,
 * a link list removed by cleaning) often loses one side: a quote that occurs
 * exactly once with the other side intact is attached as fuzzy — for a
 * person to confirm — rather than orphaned.
 */
function uniqueWithOneSide(text: string, quote: { exact: string; prefix: string; suffix: string }): Attached | null {
  const start = text.indexOf(quote.exact);
  if (start < 0 || text.indexOf(quote.exact, start + 1) >= 0) return null;
  const end = start + quote.exact.length;
  const hasPrefix = quote.prefix.length > 0 && text.slice(start - quote.prefix.length, start) === quote.prefix;
  const hasSuffix = quote.suffix.length > 0 && text.slice(end, end + quote.suffix.length) === quote.suffix;
  if (!hasPrefix && !hasSuffix) return null;
  return { status: "changed", start, end, exact: quote.exact, isMoved: false, score: 0.75 };
}

function anchorOn(prepared: Prepared, target: ImportTarget): Anchoring {
  const quote = target.quote!;
  const converter = prepared.converter();
  const position = target.position;
  const hint = position && position.end <= converter.codePointLength ? converter.toUtf16(position.start) : 0;
  const selector = { start: hint, end: hint + quote.exact.length, ...quote };
  const result = anchorIn(prepared.text, selector, hint);
  if (result.status !== "orphaned" || result.reason !== "weak-evidence") return result;
  return uniqueWithOneSide(prepared.source.text, quote) ?? result;
}

function passage(target: ImportTarget, fields: Partial<PassageReport> & Pick<PassageReport, "outcome">): PassageReport {
  return {
    quote: target.quote?.exact ?? "",
    sourceId: null,
    sourceLabel: null,
    start: null,
    end: null,
    attachedText: null,
    reason: null,
    ...fields,
  };
}

function anchorTarget(target: ImportTarget, prepared: readonly Prepared[]): { report: PassageReport; span: SpanInput | null } {
  if (!target.quote) {
    return { report: passage(target, { outcome: "orphaned", reason: "It has a position but no quote to check it against." }), span: null };
  }
  const { sources, isNamed } = candidateSources(
    target,
    prepared.map((p) => ({ ...p, id: p.source.id, url: p.source.url })),
  );
  const results = sources.map((candidate) => ({ candidate, result: anchorOn(candidate, target) }));
  const found = results.flatMap(({ candidate, result }) => (result.status === "orphaned" ? [] : [{ candidate, result }]));
  const exact = found.filter((entry) => entry.result.status === "unchanged");
  const pool = exact.length > 0 ? exact : found;
  if (pool.length !== 1) {
    const only = results.length === 1 ? results[0]!.result : null;
    const reason =
      pool.length > 1
        ? `The quote is in more than one source (${pool.map((entry) => entry.candidate.source.label).join(", ")}); the annotation does not say which.`
        : only?.status === "orphaned"
          ? orphanReasons[only.reason]
          : isNamed
            ? "The quote was not found in the source it names."
            : "The quote was not found in any source of this comparison.";
    return { report: passage(target, { outcome: "orphaned", reason }), span: null };
  }
  const { candidate, result } = pool[0]!;
  // Reworded, or the quote with only one side of its context: a person confirms it.
  const isFuzzy = result.status === "changed";
  return {
    report: passage(target, {
      outcome: isFuzzy ? "fuzzy" : "anchored",
      sourceId: candidate.source.id,
      sourceLabel: candidate.source.label,
      start: result.start,
      end: result.end,
      attachedText: result.exact,
    }),
    span: { sourceId: candidate.source.id, start: result.start, end: result.end, exact: result.exact },
  };
}

function reportOf(item: ImportItem, fields: Pick<ItemReport, "outcome" | "passages"> & Partial<ItemReport>): ItemReport {
  const rationale = item.rationale.length > REPORT_RATIONALE_CHARS ? `${item.rationale.slice(0, REPORT_RATIONALE_CHARS)}…` : item.rationale;
  return {
    index: item.index,
    origin: item.origin,
    kind: item.kind,
    rationale,
    tags: item.tags,
    reason: null,
    warnings: item.warnings,
    annotationId: null,
    ...fields,
  };
}

export function planImport(
  items: readonly ImportItem[],
  sources: readonly PlanSource[],
  existing: readonly ExistingAnnotation[],
): ItemPlan[] {
  const prepared: Prepared[] = sources.map((source) => {
    let converter: OffsetConverter | null = null;
    return {
      source,
      text: prepareAnchorText(source.text, { emptyContext: "unknown" }),
      converter: () => (converter ??= createOffsetConverter(source.text)),
    };
  });
  const seen = new Set(existing.map((annotation) => duplicateKey(annotation.kind, annotation.rationale, annotation.spans)));
  return items.map((item): ItemPlan => {
    if (item.rejection) return { item, report: reportOf(item, { outcome: "rejected", reason: item.rejection, passages: [] }), spans: null };
    const anchored = item.targets.filter((target) => target.quote || target.position).map((target) => anchorTarget(target, prepared));
    const passages = anchored.map((entry) => entry.report);
    if (anchored.some((entry) => entry.span === null)) {
      return {
        item,
        report: reportOf(item, { outcome: "orphaned", reason: "A passage has no place in the sources beyond doubt.", passages }),
        spans: null,
      };
    }
    const spans = anchored.map((entry) => entry.span!);
    const overlap = overlappingSpanIndex(spans);
    const problem = overlap >= 0 ? "Two of its passages overlap in the same source." : kindProblem(item.kind!, spans);
    if (problem) return { item, report: reportOf(item, { outcome: "rejected", reason: problem, passages }), spans: null };
    const key = duplicateKey(item.kind!, item.rationale, spans);
    if (seen.has(key)) {
      return {
        item,
        report: reportOf(item, { outcome: "duplicate", reason: "The same annotation is already in this comparison.", passages }),
        spans: null,
      };
    }
    seen.add(key);
    const outcome = passages.some((p) => p.outcome === "fuzzy") ? "fuzzy" : "anchored";
    return { item, report: reportOf(item, { outcome, passages }), spans };
  });
}
