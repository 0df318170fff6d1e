"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { VersionPicker, type PickableVersion } from "./version-picker";

export type BarSource = { id: string; label: string; versions: PickableVersion[]; shown: number | null };

/**
 * One version picker per source that has more than one version. Choosing an
 * older version shows its text read-only, with the passages made on it;
 * "Latest" goes back. The state lives in the URL, so it can be shared.
 */
export function SourceVersionsBar({ sources }: { sources: BarSource[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const versioned = sources.filter((source) => source.versions.length > 1);
  if (versioned.length === 0) return null;

  const choose = (sourceId: string, number: number | null) => {
    const next = new URLSearchParams(params.toString());
    const kept = next.getAll("version").filter((value) => !value.toLowerCase().startsWith(`${sourceId}:`));
    next.delete("version");
    for (const value of kept) next.append("version", value);
    if (number !== null) next.append("version", `${sourceId}:${number}`);
    const query = next.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  };

  return (
    <div className="mx-4 mb-2 flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="source-versions-bar">
      {versioned.map((source) => (
        <span key={source.id} className="inline-flex items-center gap-1.5">
          <VersionPicker
            label={`${source.label}:`}
            versions={source.versions}
            value={source.shown}
            onChange={(number) => choose(source.id, number)}
          />
          <Link href={`/sources/${source.id}/versions`} className="text-xs font-medium text-indigo-800 underline underline-offset-2">
            Versions
          </Link>
          {source.shown !== null ? (
            <span role="status" className="rounded bg-slate-800 px-1.5 py-0.5 text-xs font-medium text-white">
              Showing version {source.shown} (read-only)
            </span>
          ) : null}
        </span>
      ))}
    </div>
  );
}
