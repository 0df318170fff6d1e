import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import type { ReviewDecision } from "@/lib/annotations/state";
import type { AnalyticConfidence, Likelihood } from "@/lib/assessments/scale";
import type { Prisma } from "@/lib/generated/prisma/client";

// The shapes in which assessments leave the service layer.

export const assessmentReviewSelect = {
  id: true,
  decision: true,
  comment: true,
  assessmentVersion: true,
  createdAt: true,
  reviewer: { select: { id: true, name: true } },
} satisfies Prisma.AssessmentReviewSelect;

export const assessmentSelect = {
  id: true,
  comparisonId: true,
  judgment: true,
  likelihood: true,
  confidence: true,
  status: true,
  version: true,
  submittedAt: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  findings: {
    select: {
      annotation: {
        select: { id: true, kind: true, status: true, rationale: true, author: { select: { id: true, name: true } } },
      },
    },
    orderBy: { position: "asc" },
  },
  reviews: { select: assessmentReviewSelect, orderBy: { createdAt: "desc" }, take: 1 },
} satisfies Prisma.AssessmentSelect;

export type AssessmentRecord = Prisma.AssessmentGetPayload<{ select: typeof assessmentSelect }>;

export type CitedFinding = {
  id: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  rationale: string;
  author: { id: string; name: string };
};

export type AssessmentReviewView = {
  id: string;
  decision: ReviewDecision;
  comment: string | null;
  assessmentVersion: number;
  createdAt: string;
  reviewer: { id: string; name: string };
};

export type AssessmentView = {
  id: string;
  comparisonId: string;
  judgment: string;
  likelihood: Likelihood;
  confidence: AnalyticConfidence;
  status: AnnotationStatus;
  version: number;
  author: { id: string; name: string };
  /** The cited findings the viewer may see, in the order given. */
  annotationIds: string[];
  findings: CitedFinding[];
  /** The latest decision, whatever version it was on. */
  latestReview: AssessmentReviewView | null;
  /** The decision that produced the current version (null while in review or after an edit). */
  currentDecision: AssessmentReviewView | null;
  submittedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toAssessmentReviewView(record: Prisma.AssessmentReviewGetPayload<{ select: typeof assessmentReviewSelect }>) {
  return { ...record, createdAt: record.createdAt.toISOString() } satisfies AssessmentReviewView;
}

/** `isVisible` filters cited findings the viewer may not see (someone else's draft). */
export function toAssessmentView(record: AssessmentRecord, isVisible: (finding: CitedFinding) => boolean): AssessmentView {
  const { findings, reviews, submittedAt, decidedAt, createdAt, updatedAt, ...rest } = record;
  const visible = findings.map((f) => f.annotation).filter(isVisible);
  const latestReview = reviews[0] ? toAssessmentReviewView(reviews[0]) : null;
  return {
    ...rest,
    annotationIds: visible.map((f) => f.id),
    findings: visible,
    latestReview,
    currentDecision: latestReview && latestReview.assessmentVersion + 1 === record.version ? latestReview : null,
    submittedAt: submittedAt?.toISOString() ?? null,
    decidedAt: decidedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
