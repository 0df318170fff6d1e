import type { Prisma } from "@/lib/generated/prisma/client";

// The one shape in which annotations leave the service layer.

const versionRef = { select: { id: true, number: true, createdAt: true } } as const;

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
    select: {
      id: true,
      sourceId: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      position: true,
      versionId: true,
      intactVersionId: true,
      anchorStatus: true,
      anchorStart: true,
      anchorEnd: true,
      anchorExact: true,
      keptAt: true,
      keptById: true,
      version: versionRef,
      intactVersion: versionRef,
    },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRecord = Prisma.AnnotationGetPayload<{ select: typeof annotationSelect }>;
export type SpanRecord = AnnotationRecord["spans"][number];

export type VersionRef = { id: string; number: number; createdAt: string };
export type AnchorStatus = SpanRecord["anchorStatus"];

/**
 * One passage. `start`/`end`/`exact`/`prefix`/`suffix` are the selector as it
 * was made, on `version` (the text the analyst selected); `anchor` is where
 * that passage stands on the source's latest version: unchanged (maybe
 * moved), changed (`anchor.exact` is the new wording) or orphaned (no place).
 */
export type SpanView = {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  version: VersionRef;
  anchor: {
    status: AnchorStatus;
    start: number | null;
    end: number | null;
    exact: string | null;
    /** The newest version in which the quote was still unchanged. */
    intactVersion: VersionRef;
    /** Set when the author chose to keep the passage on the version it was made on. */
    keptAt: string | null;
  };
};

export type AnnotationView = Omit<AnnotationRecord, "createdAt" | "updatedAt" | "submittedAt" | "decidedAt" | "spans"> & {
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  spans: SpanView[];
  /** A source changed under a passage (changed or orphaned) and nobody has resolved it yet. */
  needsRecheck: boolean;
};

function toVersionRef(version: SpanRecord["version"]): VersionRef {
  return { id: version.id, number: version.number, createdAt: version.createdAt.toISOString() };
}

export function toSpanView(span: SpanRecord): SpanView {
  return {
    id: span.id,
    sourceId: span.sourceId,
    start: span.start,
    end: span.end,
    exact: span.exact,
    prefix: span.prefix,
    suffix: span.suffix,
    version: toVersionRef(span.version),
    anchor: {
      status: span.anchorStatus,
      start: span.anchorStart,
      end: span.anchorEnd,
      exact: span.anchorExact,
      intactVersion: toVersionRef(span.intactVersion),
      keptAt: span.keptAt?.toISOString() ?? null,
    },
  };
}

/** Changed or orphaned, and not kept on its own version by the author. */
export function spanNeedsRecheck(span: Pick<SpanView, "anchor">): boolean {
  return span.anchor.status !== "unchanged" && span.anchor.keptAt === null;
}

export function toAnnotationView(record: AnnotationRecord): AnnotationView {
  const spans = record.spans.map(toSpanView);
  return {
    ...record,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    submittedAt: record.submittedAt?.toISOString() ?? null,
    decidedAt: record.decidedAt?.toISOString() ?? null,
    spans,
    needsRecheck: spans.some(spanNeedsRecheck),
  };
}
