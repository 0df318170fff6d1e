import type { AnnotationKind, AnnotationStatus, Confidence } from "@/lib/annotations/schemas";
import type { Reliability } from "@/lib/comparisons/grades";
import type { ReviewDecision } from "@/lib/generated/prisma/client";

// Everything the PDF and the DOCX show, as plain data: the renderers never
// touch the database, so they can run in a worker thread and be tested and
// benchmarked on their own. The same data, as canonical JSON, is what a
// sign-off fingerprints.

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
  /** The source of the first span: for a contradiction, the side that states the claim (see lib/comparisons/matrix). */
  claimSourceIndex: number | null;
  /** The decision on the current version, if any (earlier decisions belong to the audit trail). */
  review: ReportReview | null;
  /** Some quote changed or disappeared in a later version of its source (see `quoteVersions`). */
  isQuoteChangedSince: boolean;
};

export type CountTable = {
  byKind: Record<AnnotationKind, number>;
  byStatus: Record<AnnotationStatus, number>;
};

/**
 * The comparison's bottom line (issue 12, flow 5), when one exists. Its data
 * model and API belong to lib/assessments; the report only shows it.
 */
export type ReportAssessment = {
  judgment: string;
  /** One of the ICD 203 terms (lib/reports/likelihood.ts), e.g. "likely". */
  likelihood: string;
  confidence: "low" | "moderate" | "high" | string;
  status: AnnotationStatus | string;
  citedAnnotationIds: string[];
  author: string;
  reviewer: string | null;
};

/** Who signed the report off (shown on the cover of a signed PDF and DOCX). */
export type ReportSignoff = {
  signedBy: string;
  role: string;
  signedAt: Date;
  statement: string | null;
  /** SHA-256 (hex) of the report content's canonical JSON (lib/reports/canonical.ts). */
  contentSha256: string;
};

export type ReportHistoryEntry = {
  at: Date;
  actor: string | null;
  /** "Created", "Edited", "Submitted for review", "Approved", … */
  action: string;
  /** What changed, one line per field; empty when nothing beyond the action. */
  changes: string[];
  comment: string | null;
};

/** The audit appendix: each finding's history and each source's text versions. */
export type ReportAuditTrail = {
  findings: Array<{ annotationId: string; entries: ReportHistoryEntry[] }>;
  sources: Array<{ sourceIndex: number; entries: ReportHistoryEntry[] }>;
};

export type ReportData = {
  comparison: { id: string; title: string; question: string | null };
  /** The comparison's sources, in order. */
  sources: ReportSource[];
  scope: ReportScope;
  generatedAt: Date;
  generatedBy: { name: string; email: string };
  /** The comparison's assessment, which opens the report; null when there is none. */
  assessment: ReportAssessment | null;
  /** Findings in reading order: contradictions, then agreements, then notes. */
  annotations: ReportAnnotation[];
  /** Counts over the annotations in the report. */
  included: CountTable;
  /** Annotations of the comparison left out by the scope. */
  excludedCount: number;
  /** The audit appendix (scope "all", or asked for on a signed report); null leaves it out. */
  audit: ReportAuditTrail | null;
  /** Set on a signed-off report only. */
  signoff: ReportSignoff | null;
};

/** The decision as the report's "Decision:" line states it (history lines use a verb form). */
export const decisionOutcome: Record<ReviewDecision, string> = {
  approve: "approved",
  request_changes: "changes requested",
  reject: "rejected",
};

/** Findings are grouped by kind in this order. */
export const kindOrder: readonly AnnotationKind[] = ["contradiction", "agreement", "note"];

export const kindGroupTitle: Record<AnnotationKind, string> = {
  contradiction: "Contradictions",
  agreement: "Agreements",
  note: "Notes",
};
