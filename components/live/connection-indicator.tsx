"use client";

import { useLive } from "./live-provider";

const styles = {
  live: { dot: "bg-emerald-500", text: "text-slate-600", label: "Live" },
  connecting: { dot: "bg-slate-400", text: "text-slate-600", label: "Connecting…" },
  paused: { dot: "bg-amber-500", text: "text-amber-900", label: "Live updates paused" },
  offline: { dot: "bg-slate-400", text: "text-slate-600", label: "Not live" },
} as const;

/** Whether others' changes appear as they happen; when paused, says so until the stream has caught up. */
export function ConnectionIndicator() {
  const live = useLive();
  if (!live) return null;
  const style = styles[live.status];
  return (
    <span
      role="status"
      data-testid="live-status"
      data-status={live.status}
      title={live.detail ?? (live.status === "live" ? "Changes by others appear as they happen." : undefined)}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${style.text} ${live.status === "paused" ? "bg-amber-50 ring-1 ring-amber-300" : ""}`}
    >
      <span aria-hidden className={`h-2 w-2 rounded-full ${style.dot} ${live.status === "connecting" ? "animate-pulse" : ""}`} />
      {/* Below 640 px the dot alone, the words for screen readers. */}
      <span className="sr-only sm:not-sr-only">{style.label}</span>
      {live.status === "paused" && live.detail ? <span className="sr-only">: {live.detail}</span> : null}
    </span>
  );
}
