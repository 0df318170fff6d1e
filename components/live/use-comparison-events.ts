"use client";

import { useEffect, useRef, useState } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import type { AnnotationChanged, CommentAdded } from "@/lib/live/events";

import { apiFetch } from "@/lib/client/api-client";
import type { LiveStatus } from "./live-client";
import { useLive } from "./live-provider";

// Follows one comparison live. Events only name what changed; this fetches
// the annotation through the API (which applies the access rules) and hands
// it over. Several events about one annotation in quick succession cost one
// or two fetches, and the last fetch always reflects the last event.

export type ComparisonEventHandlers = {
  /** An annotation was created or changed; here is its current state. */
  onAnnotationChanged: (annotation: AnnotationView, event: AnnotationChanged) => void;
  /** Deleted, or no longer visible to this user (withdrawn to draft, edited back to draft by its author). */
  onAnnotationRemoved: (id: string) => void;
  /** Changes may have been missed (the server's database connection came back, or too long away): refetch everything. */
  onResync: () => void;
  /** The comparison itself changed (title, sources, grades) or was deleted. */
  onComparisonChanged?: (action: string) => void;
  onCommentAdded?: (event: CommentAdded) => void;
};

export type ComparisonEvents = { status: LiveStatus; detail: string | null; connectionId: string | null };

export function useComparisonEvents(comparisonId: string, since: number | null, handlers: ComparisonEventHandlers): ComparisonEvents {
  const live = useLive();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const follow = live?.follow;
  const subscribe = live?.subscribe;

  // The page's feed position matters for the first connection only: later renders (router.refresh)
  // bring newer positions, but the stream is continuous, and reconnecting would only churn presence.
  const [start, setStart] = useState({ comparisonId, since });
  if (start.comparisonId !== comparisonId) setStart({ comparisonId, since });
  useEffect(() => follow?.(start.comparisonId, start.since), [follow, start]);

  useEffect(() => {
    if (!subscribe) return;
    // id → whether another fetch is needed once the current one returns.
    const inFlight = new Map<string, { again: boolean; event: AnnotationChanged }>();
    let isActive = true;
    const load = async (event: AnnotationChanged) => {
      const running = inFlight.get(event.id);
      if (running) return void Object.assign(running, { again: true, event });
      inFlight.set(event.id, { again: false, event });
      for (;;) {
        const result = await apiFetch<AnnotationView>(`/api/v1/annotations/${event.id}`);
        const state = inFlight.get(event.id)!;
        if (!isActive) return;
        if (result.ok) latest.current.onAnnotationChanged(result.data, state.event);
        else if (result.problem.status === 404) latest.current.onAnnotationRemoved(event.id);
        if (!state.again) break;
        state.again = false;
      }
      inFlight.delete(event.id);
    };
    const unsubscribe = subscribe((message) => {
      switch (message.type) {
        case "annotation":
          if (message.data.comparisonId === comparisonId) void load(message.data);
          break;
        case "annotation-removed":
          if (message.data.comparisonId !== comparisonId) break;
          latest.current.onAnnotationRemoved(message.data.id);
          // A fetch under way may return the state from before the removal: fetch once more to settle.
          if (inFlight.has(message.data.id)) inFlight.get(message.data.id)!.again = true;
          break;
        case "comment":
          if (message.data.comparisonId === comparisonId) latest.current.onCommentAdded?.(message.data);
          break;
        case "comparison":
          if (message.data.id === comparisonId) latest.current.onComparisonChanged?.(message.data.action);
          break;
        case "resync":
        case "reload":
          latest.current.onResync();
          break;
      }
    });
    return () => {
      isActive = false;
      unsubscribe();
    };
  }, [subscribe, comparisonId]);

  return { status: live?.status ?? "offline", detail: live?.detail ?? null, connectionId: live?.connectionId ?? null };
}
