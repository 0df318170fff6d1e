import type { Prisma } from "@/lib/generated/prisma/client";

// The one shape in which annotations leave the service layer.

export const annotationSelect = {
  id: true,
  comparisonId: true,
  kind: true,
  rationale: true,
  confidence: true,
  credibility: true,
  tags: true,
  status: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  decidedAt: true,
  author: { select: { id: true, name: true } },
  spans: {
    select: { id: true, sourceId: true, start: true, end: true, exact: true, prefix: true, suffix: true },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRecord = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;

export type AnnotationView = Omit<AnnotationRecord, "createdAt" | "updatedAt" | "submittedAt" | "decidedAt"> & {
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
};

export function toAnnotationView(record: AnnotationRecord): AnnotationView {
  return {
    ...record,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    submittedAt: record.submittedAt?.toISOString() ?? null,
    decidedAt: record.decidedAt?.toISOString() ?? null,
  };
}
