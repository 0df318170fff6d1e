import type { AnnotationKind, AnnotationStatus, Confidence } from "@/lib/annotations/schemas";
import type { Reliability } from "@/lib/comparisons/grades";
import type { ReviewDecision } from "@/lib/generated/prisma/client";

// Everything the PDF shows, as plain data: the renderer never touches the
// database, so it can be tested and benchmarked on its own.

export const reportScopes = ["approved", "all"] as const;
export type ReportScope = (typeof reportScopes)[number];

export type ReportSource = {
  id: string;
  /** "A", "B", … or the comparison's own label for it. */
  label: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  reliability: Reliability | null;
  reliabilityNote: string | null;
};

/**
 * Where one quote comes from (source versions, lib/versions): the version of
 * the source it was quoted on and whether a later version changed its wording
 * or removed the passage.
 */
export type ReportQuoteVersion = {
  versionNumber: number;
  /** When that version was fetched or uploaded. */
  versionDate: Date;
  /** The source's latest version changed this wording or no longer has the passage. */
  isChangedSince: boolean;
  /** The wording in the latest version when it changed; null when unchanged or gone. */
  currentWording: string | null;
};

/** The passages an annotation quotes from one source. */
export type ReportPassage = {
  sourceIndex: number;
  quotes: string[];
  /** One entry per quote, in the order of `quotes`. */
  quoteVersions: ReportQuoteVersion[];
};

export type ReportReview = { reviewer: string; decision: ReviewDecision; decidedAt: Date };

export type ReportAnnotation = {
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  rationale: string;
  confidence: Confidence;
  tags: string[];
  author: string;
  credibility: number | null;
  /** Quoted passages, one entry per linked source, in the comparison's source order. */
  passages: ReportPassage[];
  /** The decision on the current version, if any (earlier decisions belong to the history). */
  review: ReportReview | null;
  /** Some quote changed or disappeared in a later version of its source (see `quoteVersions`). */
  isQuoteChangedSince: boolean;
};

export type CountTable = {
  byKind: Record<AnnotationKind, number>;
  byStatus: Record<AnnotationStatus, number>;
};

export type ReportData = {
  comparison: { id: string; title: string; question: string | null };
  /** The comparison's sources, in order. */
  sources: ReportSource[];
  scope: ReportScope;
  generatedAt: Date;
  generatedBy: { name: string; email: string };
  /** Sections, in reading order. */
  annotations: ReportAnnotation[];
  /** Counts over the annotations in the report. */
  included: CountTable;
  /** Annotations of the comparison left out by the scope. */
  excludedCount: number;
};

/** The decision as the report's "Decision:" line states it (history lines use a verb form). */
export const decisionOutcome: Record<ReviewDecision, string> = {
  approve: "approved",
  request_changes: "changes requested",
  reject: "rejected",
};
