import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { NewVersionDialog } from "@/components/versions/new-version-dialog";
import { PageLinks } from "@/components/ui/page-links";
import { VersionList } from "@/components/versions/version-list";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { canAddSourceVersion } from "@/lib/versions/access";
import { getVersionedSource, listVersionsPage } from "@/lib/versions/service";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function load(id: string, cursor: string | null = null) {
  const user = await requirePageUser();
  try {
    const [source, versions] = await Promise.all([getVersionedSource(user, id), listVersionsPage(user, id, { cursor })]);
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

export default async function SourceVersionsPage({ params, searchParams }: Props) {
  const id = (await params).id;
  const requested = (await searchParams).cursor;
  const cursor = (Array.isArray(requested) ? requested[0] : requested) || null;
  const { user, source, versions } = await load(id, cursor);
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
      <VersionList key={versions.items[0]?.id} sourceId={source.id} versions={versions.items} />
      <PageLinks path={`/sources/${source.id}/versions`} cursor={cursor} nextCursor={versions.nextCursor} label="Pages of versions" />
    </main>
  );
}
