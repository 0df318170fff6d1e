import type { AnnotationView } from "@/lib/annotations/views";
import type { Prisma } from "@/lib/generated/prisma/client";

export const sourceSelect = {
  id: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  publishedAt: true,
  language: true,
  text: true,
  contentHash: true,
} satisfies Prisma.SourceSelect;

export type SourceRecord = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

export type SourceView = Omit<SourceRecord, "publishedAt"> & { publishedAt: string | null };

export function toSourceView(source: SourceRecord): SourceView {
  return { ...source, publishedAt: source.publishedAt?.toISOString().slice(0, 10) ?? null };
}

export type ComparisonRecord = {
  id: string;
  title: string;
  question: string | null;
  archivedAt: string | null;
  createdAt: string;
  left: { id: string; title: string; outlet: string | null };
  right: { id: string; title: string; outlet: string | null };
};

export type ComparisonSummary = ComparisonRecord & {
  counts: { total: number; agreement: number; contradiction: number; note: number; approved: number };
};

export type ComparisonDetail = {
  id: string;
  title: string;
  question: string | null;
  archivedAt: string | null;
  createdAt: string;
  left: SourceView;
  right: SourceView;
  annotations: AnnotationView[];
};
