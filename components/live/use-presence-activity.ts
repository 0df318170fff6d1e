"use client";

import { useEffect } from "react";

import type { PresenceActivity } from "@/lib/live/presence-activity";

import { apiFetch } from "@/lib/client/api-client";
import { useLive } from "./live-provider";

export type OpenAnnotation = { annotationId: string; activity: Exclude<PresenceActivity, "viewing"> } | null;

/** Tells the others which annotation this tab has open (composer: editing; review panel: reviewing). Soft: it expires with the tab. */
export function usePresenceActivity(open: OpenAnnotation): void {
  const connectionId = useLive()?.connectionId ?? null;
  const annotationId = open?.annotationId ?? null;
  const activity = open?.activity ?? null;
  useEffect(() => {
    if (!connectionId || !annotationId || !activity) return;
    void apiFetch(`/api/v1/presence/${connectionId}`, { method: "PUT", body: { activity, annotationId } });
    return () => void apiFetch(`/api/v1/presence/${connectionId}`, { method: "PUT", body: { activity: "viewing" } });
  }, [connectionId, annotationId, activity]);
}

/** Other people who have `annotationId` open now, with what they are doing. */
export function useOthersOnAnnotation(
  annotationId: string | undefined,
): Array<{ name: string; activity: Exclude<PresenceActivity, "viewing"> }> {
  const live = useLive();
  if (!live || !annotationId) return [];
  return live.presence
    .filter((person) => person.user.id !== live.viewerId)
    .flatMap((person) =>
      person.annotations.filter((a) => a.id === annotationId).map((a) => ({ name: person.user.name, activity: a.activity })),
    );
}
