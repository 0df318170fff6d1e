import type { Prisma } from "@/lib/generated/prisma/client";

/** What the workbench needs of a source: metadata and the normalized text it annotates. */
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
  /** The latest version: `text` is its text. */
  versions: { select: { id: true, number: true, createdAt: true }, orderBy: { number: "desc" }, take: 1 },
} satisfies Prisma.SourceSelect;

export type SourceRecord = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

export type SourceView = Omit<SourceRecord, "publishedAt" | "versions"> & {
  publishedAt: string | null;
  /** The version `text` belongs to (the latest). */
  version: { id: string; number: number; createdAt: string };
};

export function toSourceView({ versions, ...source }: SourceRecord): SourceView {
  const latest = versions[0]!;
  return { ...source, publishedAt: toDay(source.publishedAt), version: { ...latest, createdAt: latest.createdAt.toISOString() } };
}

/** A calendar date as YYYY-MM-DD (dates are stored at midnight UTC). */
export function toDay(date: Date | null): string | null {
  return date?.toISOString().slice(0, 10) ?? null;
}

/** A source as lists show it: metadata only, never the text. */
export type SourceSummary = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string;
  rawFormat: string;
  createdAt: string;
  createdById: string | null;
  /** Annotations point into the text: new text becomes a new version, onto which they are re-anchored. */
  isTextLocked: boolean;
};
