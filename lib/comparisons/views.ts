import type { AnnotationView } from "@/lib/annotations/views";
import type { Reliability } from "@/lib/comparisons/grades";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sourceSelect, toSourceView, type SourceView } from "@/lib/sources/views";

// The shapes in which comparisons leave the service layer. A comparison holds
// its sources in order; each carries its label and the comparison's grade of it.

/** "A", "B", … "L": the label of a source without a label of its own. */
export function positionLetter(position: number): string {
  return String.fromCharCode(65 + position);
}

export const comparisonSourceSelect = {
  position: true,
  label: true,
  reliability: true,
  reliabilityNote: true,
  gradedAt: true,
  gradedBy: { select: { id: true, name: true } },
} satisfies Prisma.ComparisonSourceSelect;

type MembershipRecord = Prisma.ComparisonSourceGetPayload<{ select: typeof comparisonSourceSelect }>;

/** How a comparison holds one source. */
export type SourceMembership = {
  position: number;
  /** The label to show: the custom one, else the letter of the position. */
  label: string;
  /** The label set by a person, or null. */
  customLabel: string | null;
  reliability: Reliability | null;
  reliabilityNote: string | null;
  gradedBy: { id: string; name: string } | null;
  gradedAt: string | null;
};

export function toMembership(record: MembershipRecord): SourceMembership {
  return {
    position: record.position,
    label: record.label ?? positionLetter(record.position),
    customLabel: record.label,
    reliability: record.reliability,
    reliabilityNote: record.reliabilityNote,
    gradedBy: record.gradedBy,
    gradedAt: record.gradedAt?.toISOString() ?? null,
  };
}

export type ComparisonSourceView = SourceView & SourceMembership;

export const comparisonSourceWithTextSelect = {
  ...comparisonSourceSelect,
  source: { select: sourceSelect },
} satisfies Prisma.ComparisonSourceSelect;

export function toComparisonSourceView(record: Prisma.ComparisonSourceGetPayload<{ select: typeof comparisonSourceWithTextSelect }>) {
  const { source, ...membership } = record;
  return { ...toSourceView(source), ...toMembership(membership) } satisfies ComparisonSourceView;
}

/** A source as comparison lists show it. */
export type SourceRef = { id: string; title: string; outlet: string | null; label: string; reliability: Reliability | null };

export type ComparisonRecord = {
  id: string;
  title: string;
  question: string | null;
  archivedAt: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  sources: SourceRef[];
};

export type ComparisonSummary = ComparisonRecord & {
  counts: { total: number; agreement: number; contradiction: number; note: number; approved: number };
};

export type ComparisonDetail = Omit<ComparisonRecord, "sources"> & {
  sources: ComparisonSourceView[];
  annotations: AnnotationView[];
};
