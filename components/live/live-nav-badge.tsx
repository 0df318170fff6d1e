"use client";

import type { NavCounts } from "@/lib/reviews/views";

import { CountBadge } from "@/components/ui/count-badge";

import { useLive } from "./live-provider";

/** A nav count that follows the live stream (falls back to the server-rendered count outside a provider). */
export function LiveNavBadge({ kind, label, initial }: { kind: keyof NavCounts; label: string; initial: number | undefined }) {
  const live = useLive();
  const count = live ? live.counts[kind] : initial;
  return <CountBadge count={count} label={label} testId={`nav-count-${kind}`} />;
}
