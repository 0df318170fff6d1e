import Link from "next/link";

import type { SignoffStatus } from "@/lib/reports/signoff-views";

/** "N changes since the last sign-off" (or "Not signed off"), linking to the comparison's sign-offs. */
export function SignoffBadge({ comparisonId, status }: { comparisonId: string; status: SignoffStatus }) {
  const text = !status.lastSignoff
    ? "Not signed off"
    : status.changesSince === 0
      ? "Signed off, no changes since"
      : `${status.changesSince} change${status.changesSince === 1 ? "" : "s"} since the last sign-off`;
  return (
    <Link
      href={`/comparisons/${comparisonId}/signoffs`}
      className="rounded-md px-2 py-1 text-xs font-medium whitespace-nowrap text-indigo-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
      data-testid="signoff-status"
    >
      {text}
    </Link>
  );
}
