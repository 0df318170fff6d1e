// Re-anchoring every span of a source onto its new version, as pure code.
// Spans that stood on the previous version are re-anchored from their place
// there (its context is the freshest, and the previous version settles
// repeated passages); orphaned spans are retried from the selector they were
// made with, against the text they were made on. The outcome is classified
// against the quote as made: unchanged (maybe moved), changed (the new
// wording is kept next to the old) or orphaned (no place; never attached
// elsewhere).
import { anchorAll } from "@/lib/anchoring/anchor-all";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { describeSpan, type Selector } from "@/lib/anchoring/quote";

export type AnchorStatus = "unchanged" | "changed" | "orphaned";

export type StoredSpan = {
  id: string;
  annotationId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: AnchorStatus;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorExact: string | null;
  intactVersionId: string;
  keptAt: Date | null;
};

export type SpanAnchorUpdate = {
  id: string;
  annotationId: string;
  anchorStatus: AnchorStatus;
  anchorStart: number | null;
  anchorEnd: number | null;
  anchorExact: string | null;
  intactVersionId: string;
  /** Whether the author's "keep on the old version" still holds. */
  isKept: boolean;
  /** The status or the wording differs from before this version. */
  isNewlyAffected: boolean;
};

export type ReanchorInput = {
  spans: readonly StoredSpan[];
  previous: { id: string; text: string };
  next: { id: string; text: string };
  /** Texts of the versions spans were made on (needed for orphaned spans). */
  versionTexts: ReadonlyMap<string, string>;
};

export type ReanchorSummary = { unchanged: number; changed: number; orphaned: number; annotationsFlagged: number };

function sameWording(a: string, b: string): boolean {
  return a === b || normalizeText(a).text === normalizeText(b).text;
}

function anchorGroup(text: string, spans: StoredSpan[], selectors: Selector[], previousText: string | undefined) {
  const results = anchorAll(text, selectors, previousText === undefined ? {} : { previousText });
  return spans.map((span, i) => ({ span, result: results[i]! }));
}

export function reanchorSpans({ spans, previous, next, versionTexts }: ReanchorInput): SpanAnchorUpdate[] {
  const standing = spans.filter((span) => span.anchorStart !== null && span.anchorEnd !== null);
  const outcomes = anchorGroup(
    next.text,
    standing,
    standing.map((span) => describeSpan(previous.text, span.anchorStart!, span.anchorEnd!)),
    previous.text,
  );
  const orphansByVersion = new Map<string, StoredSpan[]>();
  for (const span of spans) {
    if (span.anchorStart !== null && span.anchorEnd !== null) continue;
    orphansByVersion.set(span.versionId, [...(orphansByVersion.get(span.versionId) ?? []), span]);
  }
  for (const [versionId, group] of orphansByVersion) outcomes.push(...anchorGroup(next.text, group, group, versionTexts.get(versionId)));

  return outcomes.map(({ span, result }) => {
    const status: AnchorStatus =
      result.status === "orphaned" ? "orphaned" : sameWording(result.exact, span.exact) ? "unchanged" : "changed";
    const anchorExact = result.status === "orphaned" ? null : result.exact;
    const isSameOutcome = status === span.anchorStatus && anchorExact === span.anchorExact;
    return {
      id: span.id,
      annotationId: span.annotationId,
      anchorStatus: status,
      anchorStart: result.start ?? null,
      anchorEnd: result.end ?? null,
      anchorExact,
      intactVersionId: status === "unchanged" ? next.id : span.intactVersionId,
      isKept: span.keptAt !== null && status !== "unchanged" && isSameOutcome,
      isNewlyAffected: status !== "unchanged" && !isSameOutcome,
    };
  });
}

export function summarizeReanchoring(updates: readonly SpanAnchorUpdate[]): ReanchorSummary {
  const count = (status: AnchorStatus) => updates.filter((update) => update.anchorStatus === status).length;
  return {
    unchanged: count("unchanged"),
    changed: count("changed"),
    orphaned: count("orphaned"),
    annotationsFlagged: new Set(updates.filter((update) => update.isNewlyAffected).map((update) => update.annotationId)).size,
  };
}
