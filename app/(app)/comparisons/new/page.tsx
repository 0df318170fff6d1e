import type { Metadata } from "next";
import Link from "next/link";

import { NewComparisonForm } from "@/components/comparisons/new-comparison-form";
import { requirePageUser } from "@/lib/auth/session";
import { PAGE_LIMIT_MAX } from "@/lib/http/pagination";
import { listSources } from "@/lib/sources/service";

export const metadata: Metadata = { title: "New comparison" };

export default async function NewComparisonPage() {
  const user = await requirePageUser("comparison.create");
  // The picker offers the newest sources; older ones are added by id or re-imported.
  const { items: sources } = await listSources(user, { limit: PAGE_LIMIT_MAX });
  return (
    <main className="mx-auto w-full max-w-[1400px] px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
        <Link href="/" className="hover:underline">
          Comparisons
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">New comparison</h1>
      <p className="mt-1 mb-6 max-w-3xl text-sm text-slate-600">
        Two to twelve articles about the same events. Paste, upload or fetch each one (or reuse a source already in Parallax), check the
        cleaned text you will annotate, and fix its details.
      </p>
      <NewComparisonForm sources={sources} />
    </main>
  );
}
