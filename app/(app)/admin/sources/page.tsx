import type { Metadata } from "next";

import { CheckAllPanel } from "@/components/versions/check-all-panel";
import { requirePageUser } from "@/lib/auth/session";
import { listSourceChecks } from "@/lib/versions/check-service";

export const metadata: Metadata = { title: "Sources" };

export default async function AdminSourcesPage() {
  const user = await requirePageUser("source.checkAll");
  const [latest] = await listSourceChecks(user);
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Sources</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Articles change after publication. Check every source with a URL for a new version.
      </p>
      <CheckAllPanel initial={latest ?? null} />
    </main>
  );
}
