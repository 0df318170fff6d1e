import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { createOffsetConverter, type OffsetConverter } from "@/lib/anchoring/code-points";
import type { Actor } from "@/lib/auth/actor";
import { positionLetter } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ExportAnnotation, ExportComparison } from "@/lib/interop/w3c/types";
import { assertId } from "@/lib/validation";

// Loads what the W3C and CSV exports show: the comparison's sources in order
// and the annotations the actor may see (drafts stay their author's), with
// every review. Reads only; permissions are the caller's to check first.

const exportAnnotationSelect = {
  id: true,
  kind: true,
  status: true,
  rationale: true,
  confidence: true,
  credibility: true,
  tags: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  decidedAt: true,
  author: { select: { id: true, name: true } },
  spans: {
    select: {
      sourceId: true,
      versionId: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      anchorStatus: true,
      keptAt: true,
      version: { select: { number: true, createdAt: true } },
    },
    orderBy: { position: "asc" },
  },
  reviews: {
    select: { decision: true, comment: true, createdAt: true, annotationVersion: true, reviewer: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.AnnotationSelect;

export async function loadExportComparison(comparisonId: string): Promise<ExportComparison> {
  const comparison = await db.comparison.findUnique({
    where: { id: assertId(comparisonId, "comparison") },
    select: {
      id: true,
      title: true,
      question: true,
      sources: {
        select: {
          position: true,
          label: true,
          reliability: true,
          reliabilityNote: true,
          source: { select: { id: true, title: true, url: true } },
        },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!comparison) throw new AppError("not_found", "No comparison with this id.");
  return {
    id: comparison.id,
    title: comparison.title,
    question: comparison.question,
    sources: comparison.sources.map(({ source, position, label, reliability, reliabilityNote }) => ({
      ...source,
      label: label ?? positionLetter(position),
      reliability,
      reliabilityNote,
    })),
  };
}

export type ExportAnnotationsQuery = {
  where?: Prisma.AnnotationWhereInput;
  skip?: number;
  take?: number;
};

function visibleIn(actor: Actor, comparisonId: string, where: Prisma.AnnotationWhereInput = {}): Prisma.AnnotationWhereInput {
  return { AND: [{ comparisonId }, visibleAnnotationsWhere(actor), where] };
}

export function countExportAnnotations(actor: Actor, comparisonId: string, where?: Prisma.AnnotationWhereInput): Promise<number> {
  return db.annotation.count({ where: visibleIn(actor, comparisonId, where) });
}

export async function loadExportAnnotations(
  actor: Actor,
  comparisonId: string,
  query: ExportAnnotationsQuery = {},
): Promise<ExportAnnotation[]> {
  return db.annotation.findMany({
    where: visibleIn(actor, comparisonId, query.where),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: query.skip,
    take: query.take,
    select: exportAnnotationSelect,
  });
}

/** Code-point converters for the version texts the annotations' spans were made on, each text read once. */
export async function loadVersionConverters(annotations: readonly ExportAnnotation[]): Promise<(versionId: string) => OffsetConverter> {
  const ids = [...new Set(annotations.flatMap((annotation) => annotation.spans.map((span) => span.versionId)))];
  const versions =
    ids.length === 0 ? [] : await db.sourceVersion.findMany({ where: { id: { in: ids } }, select: { id: true, text: true } });
  const converters = new Map(versions.map((version) => [version.id, createOffsetConverter(version.text)]));
  return (versionId) => {
    const converter = converters.get(versionId);
    if (!converter) throw new Error(`Version ${versionId} was not loaded.`);
    return converter;
  };
}
