"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import type { PresenceEntry } from "@/lib/live/events";
import type { NavCounts } from "@/lib/reviews/views";

import { apiFetch } from "@/lib/client/api-client";
import { LiveClient, type LiveMessage, type LiveStatus } from "./live-client";

// The tab's live connection, shared by everything on the page: the header's
// counts and connection indicator, the review queue, the workbench. A tab
// holds one stream (browsers allow only six connections per site over
// HTTP/1.1): the queue stream, or a comparison's stream while a page follows
// one — which carries the queue's events too.

type Listener = (message: LiveMessage) => void;

export type LiveContextValue = {
  viewerId: string;
  status: LiveStatus;
  detail: string | null;
  connectionId: string | null;
  counts: NavCounts;
  /** Who is on the followed comparison (everyone, the viewer included). */
  presence: PresenceEntry[];
  subscribe: (listener: Listener) => () => void;
  /** Follows a comparison until the returned function is called; `since` is the feed position of the page's data. */
  follow: (comparisonId: string, since: number | null) => () => void;
};

const LiveContext = createContext<LiveContextValue | null>(null);

/** The live connection, or null outside a LiveProvider (the component then simply is not live). */
export function useLive(): LiveContextValue | null {
  return useContext(LiveContext);
}

type Followed = { comparisonId: string; since: number | null; token: object };

const countsDelayMs = 300;

export function LiveProvider({ viewerId, initialCounts, children }: { viewerId: string; initialCounts: NavCounts; children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [detail, setDetail] = useState<string | null>(null);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [counts, setCounts] = useState<NavCounts>(initialCounts);
  const [presence, setPresence] = useState<PresenceEntry[]>([]);
  const [followed, setFollowed] = useState<Followed | null>(null);
  const listeners = useRef(new Set<Listener>());
  const client = useRef<LiveClient | null>(null);
  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Server renders (router.refresh) bring fresh counts too.
  const [serverCounts, setServerCounts] = useState<NavCounts>(initialCounts);
  if (serverCounts.toReview !== initialCounts.toReview || serverCounts.returned !== initialCounts.returned) {
    setServerCounts(initialCounts);
    setCounts(initialCounts);
  }

  const refreshCounts = useCallback(() => {
    if (countsTimer.current) clearTimeout(countsTimer.current);
    countsTimer.current = setTimeout(async () => {
      const result = await apiFetch<NavCounts>("/api/v1/me/counts");
      if (result.ok) setCounts(result.data);
    }, countsDelayMs);
  }, []);

  const onMessage = useCallback(
    (message: LiveMessage) => {
      if (message.type === "hello") setConnectionId(message.data.connectionId);
      if (message.type === "presence") setPresence(message.data.people);
      if (["hello", "annotation", "annotation-removed", "resync", "reload"].includes(message.type)) refreshCounts();
      for (const listener of listeners.current) listener(message);
    },
    [refreshCounts],
  );

  useEffect(() => {
    const live = new LiveClient({
      onMessage,
      onStatus: (next, why) => {
        setStatus(next);
        setDetail(why);
      },
    });
    client.current = live;
    return () => {
      live.disconnect();
      client.current = null;
      if (countsTimer.current) clearTimeout(countsTimer.current);
    };
  }, [onMessage]);

  useEffect(() => {
    if (followed) client.current?.connect(`/api/v1/comparisons/${followed.comparisonId}/events`, followed.since);
    else client.current?.connect("/api/v1/events", null);
  }, [followed]);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const followedToken = useRef<object | null>(null);
  const follow = useCallback((comparisonId: string, since: number | null) => {
    const token = {};
    const switchTo = (next: Followed | null) => {
      followedToken.current = next?.token ?? null;
      setFollowed(next);
      // A new stream: its connection id and presence list come with it.
      setConnectionId(null);
      setPresence([]);
    };
    switchTo({ comparisonId, since, token });
    return () => {
      if (followedToken.current === token) switchTo(null);
    };
  }, []);

  const value = useMemo(
    () => ({ viewerId, status, detail, connectionId, counts, presence, subscribe, follow }),
    [viewerId, status, detail, connectionId, counts, presence, subscribe, follow],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
