import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { SignoffForm } from "@/components/reports/signoff-form";
import { SignoffList } from "@/components/reports/signoff-list";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getComparison } from "@/lib/comparisons/service";
import { isAppError } from "@/lib/errors";
import { getSignoffStatus, listSignoffs } from "@/lib/reports/signoff-service";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Sign-offs" };

export default async function SignoffsPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser();
  let comparison;
  try {
    comparison = await getComparison(user, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  const [signoffs, status] = await Promise.all([listSignoffs(user, id), getSignoffStatus(user, id)]);
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-xs text-slate-600">
          <Link href={`/comparisons/${comparison.id}`} className="hover:underline">
            {comparison.title}
          </Link>
        </nav>
        <h1 className="text-xl font-semibold tracking-tight">Signed-off reports</h1>
        {status.lastSignoff ? (
          <p className="text-sm text-slate-700" data-testid="changes-since">
            {status.changesSince} change{status.changesSince === 1 ? "" : "s"} since the last sign-off.
          </p>
        ) : null}
        <p className="mt-1 text-sm">
          <a className="text-indigo-700 underline" href={`/api/v1/comparisons/${comparison.id}/report.docx`} download>
            Current report as a Word document
          </a>
          {" · "}
          <Link className="text-indigo-700 underline" href="/verify">
            Verify a report
          </Link>
        </p>
      </div>
      {hasPermission(user.role, "report.signoff") ? <SignoffForm comparisonId={comparison.id} /> : null}
      <section aria-labelledby="signoff-history" className="space-y-3">
        <h2 id="signoff-history" className="text-base font-semibold">
          History
        </h2>
        <SignoffList signoffs={signoffs} />
      </section>
    </main>
  );
}
