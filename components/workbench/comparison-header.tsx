import Link from "next/link";

import { ComparisonActionsMenu } from "@/components/comparisons/comparison-actions-menu";
import { InteropMenu } from "@/components/interop/interop-menu";
import { PresenceAvatars } from "@/components/live/presence-avatars";
import { SignoffBadge } from "@/components/reports/signoff-badge";
import { ComparisonViewsNav } from "@/components/comparisons/comparison-views-nav";
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
    <div className="flex items-center gap-4 px-4 py-3">
      <div className="min-w-0">
        <nav aria-label="Breadcrumb" className="text-xs text-slate-500">
          <Link href="/" className="hover:underline">
            Comparisons
          </Link>
        </nav>
        <h1 className="truncate text-lg font-semibold tracking-tight">{comparison.title}</h1>
        {comparison.question ? <p className="truncate text-sm text-slate-600">{comparison.question}</p> : null}
      </div>
      {canManage ? <ComparisonActionsMenu comparison={comparison} canDelete={canDelete} /> : null}
      <ComparisonViewsNav comparisonId={comparison.id} current="workbench" />
      <div className="ml-auto flex items-center gap-3 text-xs text-slate-600" aria-label="Legend">
        <span className="flex items-center gap-1">
          <span className="inline-block h-0.5 w-5 bg-[var(--color-agree)]" aria-hidden /> Agreement
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block w-5 border-t-2 border-dashed border-[var(--color-contra)]" aria-hidden /> Contradiction
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block w-5 border-t-2 border-dotted border-[var(--color-note)]" aria-hidden /> Note
        </span>
      </div>
      <PresenceAvatars />
      <InteropMenu comparisonId={comparison.id} />
      {signoffStatus ? <SignoffBadge comparisonId={comparison.id} status={signoffStatus} /> : null}
      <ExportPdf comparisonId={comparison.id} />
    </div>
  );
}
