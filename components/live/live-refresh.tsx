"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { useLive } from "./live-provider";
import { usePresenceActivity, type OpenAnnotation } from "./use-presence-activity";

// For server-rendered pages (review queue, "Returned to me", one annotation
// under review): re-render the page when something it shows changes. Client
// state (a comment being written) survives a refresh.

type Props = {
  /** Only changes to this annotation matter (else any annotation change). */
  annotationId?: string;
  /** Follow this comparison (for presence) from this feed position. */
  follow?: { comparisonId: string; since: number | null };
  /** Tell others what this page has open. */
  open?: OpenAnnotation;
};

const refreshDelayMs = 250;

export function LiveRefresh({ annotationId, follow, open = null }: Props) {
  const router = useRouter();
  const live = useLive();
  const subscribe = live?.subscribe;
  const startFollowing = live?.follow;
  const comparisonId = follow?.comparisonId ?? null;
  usePresenceActivity(open);

  // Only the first render's feed position counts: refreshed renders bring newer ones, but the stream goes on.
  const [start, setStart] = useState({ comparisonId, since: follow?.since ?? null });
  if (start.comparisonId !== comparisonId) setStart({ comparisonId, since: follow?.since ?? null });
  useEffect(() => (start.comparisonId ? startFollowing?.(start.comparisonId, start.since) : undefined), [startFollowing, start]);

  useEffect(() => {
    if (!subscribe) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe((message) => {
      const concerns =
        message.type === "resync" ||
        message.type === "reload" ||
        ((message.type === "annotation" || message.type === "annotation-removed") && (!annotationId || message.data.id === annotationId)) ||
        (message.type === "comment" && message.data.annotationId === annotationId);
      if (!concerns) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), refreshDelayMs);
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [subscribe, annotationId, router]);

  return null;
}
