// Plain data the W3C and CSV exports are built from (the export service
// loads it; the builders are pure and tested without a database).

import type { AnchorStatus } from "@/lib/annotations/views";
import type { AnnotationKind, AnnotationStatus, Confidence } from "@/lib/annotations/schemas";
import type { Reliability } from "@/lib/comparisons/grades";

export type ExportSource = {
  id: string;
  title: string;
  url: string | null;
  /** The label to show (custom, else the position's letter). */
  label: string;
  reliability: Reliability | null;
  reliabilityNote: string | null;
};

export type ExportSpan = {
  sourceId: string;
  versionId: string;
  version: { number: number; createdAt: Date };
  /** UTF-16 offsets into the text of `versionId`. */
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchorStatus: AnchorStatus;
  /** The author chose to keep a changed or orphaned passage on its own version. */
  keptAt: Date | null;
};

export type ExportReview = {
  decision: "approve" | "request_changes" | "reject";
  comment: string | null;
  createdAt: Date;
  annotationVersion: number;
  reviewer: { id: string; name: string };
};

export type ExportAnnotation = {
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  rationale: string;
  confidence: Confidence;
  credibility: number | null;
  tags: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  author: { id: string; name: string };
  spans: ExportSpan[];
  /** Oldest first. */
  reviews: ExportReview[];
};

export type ExportComparison = { id: string; title: string; question: string | null; sources: ExportSource[] };
