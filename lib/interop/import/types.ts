// What an import reads from a file (before anchoring) and what it reports.

import type { AnnotationKind, Confidence } from "@/lib/annotations/schemas";

export type ImportFormat = "w3c" | "hypothesis";

export type ImportOrigin = {
  format: ImportFormat;
  /** The annotation's id in the tool it came from. */
  id: string | null;
  creator: string | null;
  created: string | null;
  /** The document it was made on, as that tool named it. */
  uri: string | null;
};

export type QuoteSelector = { exact: string; prefix: string; suffix: string };

export type ImportTarget = {
  /** The target's `source` IRI/URL, when it names one. */
  sourceIri: string | null;
  /** A Parallax version IRI from a TimeState's `cached`, when present. */
  cachedIri: string | null;
  quote: QuoteSelector | null;
  /** W3C positions: Unicode code points, end exclusive. */
  position: { start: number; end: number } | null;
};

export type ImportItem = {
  index: number;
  origin: ImportOrigin;
  kind: AnnotationKind | null;
  rationale: string;
  tags: string[];
  confidence: Confidence | null;
  credibility: number | null;
  targets: ImportTarget[];
  /** Why the item cannot be imported at all (set while reading), e.g. a page note without a passage. */
  rejection: string | null;
  warnings: string[];
};

export type PassageOutcome = "anchored" | "fuzzy" | "orphaned";
export type ItemOutcome = PassageOutcome | "rejected" | "duplicate";

export type PassageReport = {
  outcome: PassageOutcome;
  /** The quote from the file. */
  quote: string;
  sourceId: string | null;
  sourceLabel: string | null;
  /** UTF-16 offsets and text in the source's latest version (anchored and fuzzy). */
  start: number | null;
  end: number | null;
  attachedText: string | null;
  reason: string | null;
};

export type ItemReport = {
  index: number;
  origin: ImportOrigin;
  outcome: ItemOutcome;
  kind: AnnotationKind | null;
  rationale: string;
  tags: string[];
  reason: string | null;
  warnings: string[];
  passages: PassageReport[];
  /** Set once the item was written (not in a dry run). */
  annotationId: string | null;
};

export type ImportSummary = Record<ItemOutcome, number> & { total: number; imported: number };

export type ImportReport = {
  dryRun: boolean;
  format: ImportFormat;
  /** About the file as a whole (e.g. a collection that holds fewer annotations than it says). */
  warnings: string[];
  summary: ImportSummary;
  items: ItemReport[];
};
