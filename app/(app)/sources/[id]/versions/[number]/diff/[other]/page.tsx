import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { DiffStatsLine, DiffView } from "@/components/versions/diff-view";
import { formatVersionDate } from "@/components/versions/format";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { diffVersions } from "@/lib/versions/service";

type Props = { params: Promise<{ id: string; number: string; other: string }> };

async function load({ id, number, other }: Awaited<Props["params"]>) {
  const user = await requirePageUser();
  try {
    return await diffVersions(user, id, number, other);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const diff = await load(await params);
  return { title: `Version ${diff.from.number} → ${diff.to.number} · ${diff.source.title}` };
}

export default async function VersionDiffPage({ params }: Props) {
  const diff = await load(await params);
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <Link href={`/sources/${diff.source.id}/versions`} className="text-sm font-medium text-indigo-800 underline underline-offset-2">
        ← All versions
      </Link>
      <h1 dir="auto" className="mt-2 text-2xl font-semibold tracking-tight break-words">
        {diff.source.title}
      </h1>
      <p className="mt-1 text-sm text-slate-700">
        From <strong>version {diff.from.number}</strong> ({formatVersionDate(diff.from.createdAt)}) to{" "}
        <strong>version {diff.to.number}</strong> ({formatVersionDate(diff.to.createdAt)})
      </p>
      <div className="mt-1 mb-4">
        <DiffStatsLine stats={diff.stats} />
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-4 sm:p-6">
        <DiffView blocks={diff.blocks} />
      </div>
    </main>
  );
}
