import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ComparisonPageHeader } from "@/components/comparisons/comparison-page-header";
import { SourcesManager } from "@/components/source-list/sources-manager";
import { requirePageUser } from "@/lib/auth/session";
import { getSourcesOverview } from "@/lib/comparisons/sources-overview";
import { isAppError } from "@/lib/errors";
import { listSources } from "@/lib/sources/service";

export const metadata: Metadata = { title: "Sources" };

type Props = { params: Promise<{ id: string }> };

export default async function SourcesPage({ params }: Props) {
  const user = await requirePageUser();
  const { id } = await params;
  const overview = await getSourcesOverview(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const library = overview.canManage ? await listSources(user) : [];
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-6">
      <ComparisonPageHeader comparison={overview.comparison} current="sources" heading="Sources" headingId="sources-title" />
      <p className="mb-5 max-w-3xl text-sm text-slate-700">
        The sources in reading order, each with its label and its Admiralty reliability grade: A completely reliable, B usually reliable, C
        fairly reliable, D not usually reliable, E unreliable, F reliability cannot be judged.
      </p>
      <SourcesManager overview={overview} library={library.filter((source) => !overview.sources.some((s) => s.id === source.id))} />
    </main>
  );
}
