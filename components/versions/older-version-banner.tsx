import Link from "next/link";

import type { AnnotationView } from "@/lib/annotations/views";
import { olderVersionsUsed } from "@/lib/versions/placement";

import { formatVersionDate } from "./format";

type BannerSource = { id: string; label: string; title: string; version: { number: number; createdAt: string } };

/**
 * "Findings were made on an older version": one line per source whose
 * latest version is newer than the text some findings quote, with the
 * number that need a re-check and links to the versions and the diff.
 */
export function OlderVersionBanner({ sources, annotations }: { sources: readonly BannerSource[]; annotations: readonly AnnotationView[] }) {
  const lines = sources.flatMap((source) => {
    const older = olderVersionsUsed(annotations, source.id, source.version.number);
    if (older.length === 0) return [];
    const toRecheck = annotations.filter((a) => a.needsRecheck && a.spans.some((span) => span.sourceId === source.id)).length;
    return [{ source, oldest: older[older.length - 1]!, toRecheck }];
  });
  if (lines.length === 0) return null;
  return (
    <section
      aria-label="Source versions"
      className="mx-4 mb-2 rounded-lg border border-orange-300 bg-orange-50 px-3 py-2 text-sm text-slate-800"
      data-testid="older-version-banner"
    >
      {lines.map(({ source, oldest, toRecheck }) => (
        <p key={source.id} className="flex flex-wrap items-center gap-x-2">
          <span>
            <span className="font-semibold">{source.label}</span> changed: findings were made on an older version (version {oldest}); the
            text shown is version {source.version.number} of {formatVersionDate(source.version.createdAt)}.
            {toRecheck > 0 ? <strong className="ml-1 text-orange-900">{toRecheck} to re-check.</strong> : null}
          </span>
          <Link
            className="font-medium text-indigo-800 underline underline-offset-2"
            href={`/sources/${source.id}/versions/${oldest}/diff/${source.version.number}`}
          >
            What changed
          </Link>
          <Link className="font-medium text-indigo-800 underline underline-offset-2" href={`/sources/${source.id}/versions`}>
            Versions
          </Link>
        </p>
      ))}
    </section>
  );
}
