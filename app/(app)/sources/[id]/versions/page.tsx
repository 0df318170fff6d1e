import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { NewVersionDialog } from "@/components/versions/new-version-dialog";
import { VersionList } from "@/components/versions/version-list";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { canAddSourceVersion } from "@/lib/versions/access";
import { getVersionedSource, listVersions } from "@/lib/versions/service";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser();
  try {
    const [source, versions] = await Promise.all([getVersionedSource(user, id), listVersions(user, id)]);
    return { user, source, versions };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { source } = await load((await params).id);
  return { title: `Versions · ${source.title}` };
}

export default async function SourceVersionsPage({ params }: Props) {
  const { user, source, versions } = await load((await params).id);
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <p className="text-sm text-slate-600">Source{source.outlet ? ` · ${source.outlet}` : ""}</p>
      <h1 dir="auto" className="text-2xl font-semibold tracking-tight break-words">
        {source.title}
      </h1>
      {source.url ? <p className="mt-1 font-mono text-xs break-all text-slate-600">{source.url}</p> : null}
      <div className="mt-4 mb-6 flex flex-wrap items-center gap-3">
        {canAddSourceVersion(user, source) ? (
          <NewVersionDialog sourceId={source.id} url={source.url} />
        ) : (
          <p className="text-sm text-slate-600">The person who imported this source (or an admin) can add versions.</p>
        )}
        {source.comparisons.map((comparison) => (
          <Link
            key={comparison.id}
            href={`/comparisons/${comparison.id}`}
            className="text-sm font-medium text-indigo-800 underline underline-offset-2"
          >
            Open “{comparison.title}”
          </Link>
        ))}
      </div>
      <h2 className="mb-2 text-lg font-semibold">Versions</h2>
      <VersionList key={versions[0]?.id} sourceId={source.id} versions={versions} />
    </main>
  );
}
