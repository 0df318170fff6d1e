"use client";

import { useCallback, useState, useSyncExternalStore } from "react";

// How many sources are on screen and which. Below 640 px one source at a time
// (with tabs), up to 1,800 px two, from 1,800 px three (if the comparison
// has three); below 1,024 px the side panel becomes a drawer.

export type ScreenLayout = { columnCount: 1 | 2 | 3; isPanelDrawer: boolean };

const queries = { one: "(max-width: 639.98px)", drawer: "(max-width: 1023.98px)", three: "(min-width: 1800px)" };

function readLayout(): string {
  const match = (query: string) => window.matchMedia(query).matches;
  return `${match(queries.one) ? 1 : match(queries.three) ? 3 : 2}:${match(queries.drawer) ? 1 : 0}`;
}

function subscribe(onChange: () => void): () => void {
  const lists = Object.values(queries).map((query) => window.matchMedia(query));
  lists.forEach((list) => list.addEventListener("change", onChange));
  return () => lists.forEach((list) => list.removeEventListener("change", onChange));
}

export function useScreenLayout(): ScreenLayout {
  // The server renders the common desktop layout; the client corrects it after hydration.
  const key = useSyncExternalStore(subscribe, readLayout, () => "2:0");
  const [count, drawer] = key.split(":");
  return { columnCount: Number(count) as 1 | 2 | 3, isPanelDrawer: drawer === "1" };
}

/**
 * The order in which sources fill the columns: the first `columnCount` are on
 * screen. Picking a source that is already on screen swaps the two columns.
 */
export function useColumnOrder(sourceIds: readonly string[], columnCount: number) {
  const [order, setOrder] = useState<string[]>(() => [...sourceIds]);
  const visible = order.slice(0, Math.min(columnCount, order.length));

  const pick = useCallback((position: number, sourceId: string) => {
    setOrder((current) => {
      const next = [...current];
      const from = next.indexOf(sourceId);
      if (from === -1 || from === position) return current;
      [next[position], next[from]] = [next[from]!, next[position]!];
      return next;
    });
  }, []);

  /** Brings `sourceId` on screen in a column that does not hold any of `keep`. */
  const show = useCallback(
    (sourceId: string, keep: readonly string[] = []) => {
      setOrder((current) => {
        const count = Math.min(columnCount, current.length);
        const from = current.indexOf(sourceId);
        if (from === -1 || from < count) return current;
        let position = -1;
        for (let i = count - 1; i >= 0; i--) {
          if (!keep.includes(current[i]!)) {
            position = i;
            break;
          }
        }
        if (position === -1) position = count - 1;
        const next = [...current];
        [next[position], next[from]] = [next[from]!, next[position]!];
        return next;
      });
    },
    [columnCount],
  );

  const swap = useCallback((position: number) => {
    setOrder((current) => {
      const next = [...current];
      [next[position], next[position + 1]] = [next[position + 1]!, next[position]!];
      return next;
    });
  }, []);

  return { order, visible, pick, show, swap };
}
