import Link from "next/link";

import { ComparisonActionsMenu } from "@/components/comparisons/comparison-actions-menu";
import { ComparisonViewsNav } from "@/components/comparisons/comparison-views-nav";
import { InteropMenu } from "@/components/interop/interop-menu";
import { PresenceAvatars } from "@/components/live/presence-avatars";
import { SignoffBadge } from "@/components/reports/signoff-badge";
import type { ComparisonDetail } from "@/lib/comparisons/views";
import type { SignoffStatus } from "@/lib/reports/signoff-views";

import { ExportPdf } from "./export-pdf";

type Props = {
  comparison: Pick<ComparisonDetail, "id" | "title" | "question" | "archivedAt">;
  /** The viewer created the comparison or is an admin (lib/comparisons/access.ts). */
  canManage: boolean;
  canDelete: boolean;
  /** The last sign-off and the changes since (lib/reports/signoff-service getSignoffStatus). */
  signoffStatus?: SignoffStatus;
};

export function ComparisonHeader({ comparison, canManage, canDelete, signoffStatus }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-2 py-2 sm:px-4 sm:py-3">
      <div className="min-w-0 flex-1 basis-48">
        <nav aria-label="Breadcrumb" className="text-xs text-slate-600">
          <Link href="/" className="hover:underline">
            Comparisons
          </Link>
        </nav>
        <h1 dir="auto" className="truncate text-lg font-semibold tracking-tight" title={comparison.title}>
          {comparison.title}
        </h1>
        {comparison.question ? (
          <p dir="auto" className="truncate text-sm text-slate-600">
            {comparison.question}
          </p>
        ) : null}
      </div>
      {canManage ? (
        // Only these four fields cross to the browser: passing the whole comparison would serialise every annotation twice.
        <ComparisonActionsMenu
          comparison={{ id: comparison.id, title: comparison.title, question: comparison.question, archivedAt: comparison.archivedAt }}
          canDelete={canDelete}
        />
      ) : null}
      <ComparisonViewsNav comparisonId={comparison.id} current="workbench" />
      <div className="ml-auto hidden items-center gap-3 text-xs text-slate-700 lg:flex" role="group" aria-label="Legend">
        <span className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-5 bg-[var(--color-agree)]" aria-hidden /> Agreement
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block w-5 border-t-2 border-dashed border-[var(--color-contra)]" aria-hidden /> Contradiction
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block w-5 border-t-2 border-dotted border-[var(--color-note)]" aria-hidden /> Note
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 border-y-2 border-emerald-700 bg-emerald-600/10" aria-hidden /> In review
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 border-b-2 border-emerald-700 bg-emerald-600/30" aria-hidden /> Approved
        </span>
      </div>
      <PresenceAvatars />
      <InteropMenu comparisonId={comparison.id} />
      {signoffStatus ? <SignoffBadge comparisonId={comparison.id} status={signoffStatus} /> : null}
      <ExportPdf comparisonId={comparison.id} />
    </div>
  );
}
