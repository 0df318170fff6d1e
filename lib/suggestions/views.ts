import type { AnnotationView } from "@/lib/annotations/views";
import type { Prisma } from "@/lib/generated/prisma/client";

import type { SuggestionKind } from "./types";

// The shapes in which suggestions and their job leave the service layer.

export type SuggestionStatus = "open" | "accepted" | "dismissed";
export type SuggestionSpanView = { sourceId: string; start: number; end: number; exact: string };

export type SuggestionView = {
  id: string;
  comparisonId: string;
  key: string;
  kind: SuggestionKind;
  score: number;
  reasons: string[];
  engineVersion: string;
  status: SuggestionStatus;
  /** Both passages, in the comparison's current source order, with the text they had when computed. */
  spans: [SuggestionSpanView, SuggestionSpanView];
  dismissReason: string | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  /** The draft made from it; shown to the person who accepted it (drafts are private) and to admins. */
  annotationId: string | null;
  createdAt: string;
};

/** What accepting answers: the decided suggestion and the actor's new draft. */
export type AcceptedSuggestion = { suggestion: SuggestionView; annotation: AnnotationView };

export type SuggestionJobView = {
  /** `idle`: nothing computed or queued yet. */
  status: "idle" | "queued" | "running" | "done" | "failed";
  progress: number;
  stage: string | null;
  reason: string | null;
  attempts: number;
  error: string | null;
  engineVersion: string | null;
  finishedAt: string | null;
};

export type SkippedSourceView = { sourceId: string; label: string; reason: string };

export type SuggestionList = {
  comparisonId: string;
  job: SuggestionJobView;
  /** Sources the engine left out, with why ("suggestions are available for English sources"). */
  skipped: SkippedSourceView[];
  suggestions: SuggestionView[];
  /** Open suggestions matching the filters, before the limit. */
  total: number;
};

export const suggestionSelect = {
  id: true,
  comparisonId: true,
  key: true,
  kind: true,
  score: true,
  reasons: true,
  engineVersion: true,
  status: true,
  sourceAId: true,
  startA: true,
  endA: true,
  exactA: true,
  sourceBId: true,
  startB: true,
  endB: true,
  exactB: true,
  dismissReason: true,
  decidedAt: true,
  annotationId: true,
  createdAt: true,
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.SuggestionSelect;

export type SuggestionRecord = Prisma.SuggestionGetPayload<{ select: typeof suggestionSelect }>;

export type ViewOptions = {
  /** Position of each source in the comparison, to order the two passages. */
  positions?: ReadonlyMap<string, number>;
  /** Whether the viewer may see the id of the draft made from it. */
  canSeeAnnotation: boolean;
};

export function toSuggestionView(record: SuggestionRecord, { positions, canSeeAnnotation }: ViewOptions): SuggestionView {
  const a = { sourceId: record.sourceAId, start: record.startA, end: record.endA, exact: record.exactA };
  const b = { sourceId: record.sourceBId, start: record.startB, end: record.endB, exact: record.exactB };
  const isSwapped = (positions?.get(b.sourceId) ?? 0) < (positions?.get(a.sourceId) ?? 0);
  return {
    id: record.id,
    comparisonId: record.comparisonId,
    key: record.key,
    kind: record.kind === "contradiction" ? "contradiction" : "agreement",
    score: record.score,
    reasons: record.reasons,
    engineVersion: record.engineVersion,
    status: record.status,
    spans: isSwapped ? [b, a] : [a, b],
    dismissReason: record.dismissReason,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt?.toISOString() ?? null,
    annotationId: canSeeAnnotation ? record.annotationId : null,
    createdAt: record.createdAt.toISOString(),
  };
}
