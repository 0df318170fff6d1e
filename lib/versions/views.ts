// The shapes in which source versions leave the service layer.
import type { ReanchorSummary } from "@/lib/versions/reanchor";
import type { VersionOrigin } from "@/lib/versions/records";

export type VersionView = {
  id: string;
  sourceId: string;
  number: number;
  contentHash: string;
  origin: VersionOrigin;
  rawFormat: string;
  /** When the text was fetched or uploaded. */
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  textChars: number;
};

export type VersionWithText = VersionView & { text: string };

/** What adding a version did: nothing (same cleaned text), or a new version and how the passages fared. */
export type VersionOutcome =
  { changed: false; version: VersionView } | { changed: true; version: VersionView; previousNumber: number; summary: ReanchorSummary };

export const originLabel: Record<VersionOrigin, string> = {
  import: "Imported",
  paste: "Pasted",
  upload: "Uploaded",
  refetch: "Re-fetched",
  check_all: "Check all sources",
};

export const versionSelect = {
  id: true,
  sourceId: true,
  number: true,
  contentHash: true,
  origin: true,
  rawFormat: true,
  createdAt: true,
  text: true,
  createdBy: { select: { id: true, name: true } },
} as const;

type VersionRow = {
  id: string;
  sourceId: string;
  number: number;
  contentHash: string;
  origin: VersionOrigin;
  rawFormat: string;
  createdAt: Date;
  text: string;
  createdBy: { id: string; name: string } | null;
};

export function toVersionView({ text, ...row }: VersionRow): VersionView {
  return { ...row, createdAt: row.createdAt.toISOString(), textChars: text.length };
}
