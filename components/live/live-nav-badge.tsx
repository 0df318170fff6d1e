"use client";

import type { NavCounts } from "@/lib/reviews/views";

import { useLive } from "./live-provider";

/** A nav count that follows the live stream (falls back to the server-rendered count outside a provider). */
export function LiveNavBadge({ kind, label, initial }: { kind: keyof NavCounts; label: string; initial: number | undefined }) {
  const live = useLive();
  const count = live ? live.counts[kind] : initial;
  if (!count) return null;
  return (
    <span
      className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900"
      aria-label={`${count} ${label}`}
      data-testid={`nav-count-${kind}`}
    >
      {count}
    </span>
  );
}
