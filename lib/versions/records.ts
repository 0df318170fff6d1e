// Row shapes shared by every writer of sources and spans (services, seed,
// test factories, benchmarks), so each source is born with its version 1
// and each span is born on a version. Pure data, no database access.
import type { RawFormat } from "@/lib/sources/prepare";

export type VersionOrigin = "import" | "paste" | "upload" | "refetch" | "check_all";

export const versionOrigins = ["import", "paste", "upload", "refetch", "check_all"] as const satisfies readonly VersionOrigin[];

export type FirstVersionInput = {
  text: string;
  rawContent: string;
  rawFormat?: RawFormat;
  contentHash: string;
  createdById?: string | null;
  origin?: VersionOrigin;
};

/** The nested `versions` write of a new source: version 1, the same text and raw content as the source row. */
export function firstVersion(source: FirstVersionInput) {
  return {
    create: {
      number: 1,
      text: source.text,
      rawContent: source.rawContent,
      rawFormat: source.rawFormat ?? "text",
      contentHash: source.contentHash,
      origin: source.origin ?? "import",
      createdById: source.createdById ?? null,
    },
  };
}

/** The version columns of a span made on `versionId` at the given place: unchanged there, by definition. */
export function spanOnVersion(versionId: string, span: { start: number; end: number; exact: string }) {
  return {
    versionId,
    intactVersionId: versionId,
    anchorStatus: "unchanged" as const,
    anchorStart: span.start,
    anchorEnd: span.end,
    anchorExact: span.exact,
    keptAt: null,
    keptById: null,
  };
}
