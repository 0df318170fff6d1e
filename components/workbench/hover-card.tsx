"use client";

import { useCallback, useRef, useState, useSyncExternalStore } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { KindBadge, StatusBadge } from "./badges";
import { offsetOfPoint, type TextIndex } from "./text-dom";

// Highlights are not elements, so hover is found from the pointer position:
// caret at point → text offset → annotations whose spans contain it. The card
// lives in a small store of its own: moving the pointer re-renders the card,
// never the workbench.

export type HoverState = { annotations: AnnotationView[]; top: number; left: number } | null;

function createHoverStore() {
  let state: HoverState = null;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next: HoverState) {
      if (next === state || (next === null && state === null)) return;
      state = next;
      listeners.forEach((listener) => listener());
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type HoverStore = ReturnType<typeof createHoverStore>;

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Annotations with a passage under the point (x, y) in the column showing `sourceId`. */
export function hitTest(
  annotations: readonly AnnotationView[],
  index: TextIndex | undefined,
  sourceId: string,
  x: number,
  y: number,
): AnnotationView[] {
  const caret = caretAt(x, y);
  if (!index || !caret || caret.node.nodeType !== Node.TEXT_NODE) return [];
  const offset = offsetOfPoint(index, caret.node, caret.offset);
  if (offset === null) return [];
  return annotations.filter((a) => a.spans.some((s) => s.sourceId === sourceId && s.start <= offset && offset < s.end));
}

export function useHoverCard(annotations: readonly AnnotationView[], indexOf: (sourceId: string) => TextIndex | undefined) {
  const [store] = useState(createHoverStore);
  const frame = useRef(0);
  const last = useRef<string>("");

  const onMove = useCallback(
    (sourceId: string, event: { clientX: number; clientY: number }) => {
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const hits = hitTest(annotations, indexOf(sourceId), sourceId, clientX, clientY);
        const key = hits.map((a) => a.id).join(",");
        if (!hits.length) {
          last.current = "";
          store.set(null);
        } else if (key !== last.current || Math.abs((store.get()?.top ?? 0) - (clientY + 18)) > 40) {
          last.current = key;
          store.set({ annotations: hits, top: clientY + 18, left: Math.min(clientX + 12, window.innerWidth - 330) });
        }
      });
    },
    [annotations, indexOf, store],
  );
  const onLeave = useCallback(() => {
    cancelAnimationFrame(frame.current);
    last.current = "";
    store.set(null);
  }, [store]);

  return { store, onMove, onLeave };
}

export function HoverCardHost({ store, sourceLabel }: { store: HoverStore; sourceLabel: (id: string) => string }) {
  const card = useSyncExternalStore(store.subscribe, store.get, () => null);
  if (!card) return null;
  const { annotations, top, left } = card;
  return (
    <div
      role="tooltip"
      style={{ top, left }}
      className="pointer-events-none fixed z-50 w-80 space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-xl"
    >
      {annotations.slice(0, 3).map((annotation) => (
        <div key={annotation.id}>
          <div className="flex items-center gap-1.5">
            <KindBadge kind={annotation.kind} />
            <StatusBadge status={annotation.status} />
            <span className="ml-auto text-xs text-slate-600">{annotation.author.name}</span>
          </div>
          <p dir="auto" className="mt-1 line-clamp-3 text-slate-800">
            {annotation.rationale}
          </p>
          <p className="mt-0.5 text-xs text-slate-600">
            Links {[...new Set(annotation.spans.map((s) => sourceLabel(s.sourceId)))].join(" ↔ ")}
          </p>
        </div>
      ))}
      {annotations.length > 3 ? (
        <p className="text-xs font-medium text-slate-700">and {annotations.length - 3} more — click the passage to choose from all</p>
      ) : annotations.length > 1 ? (
        <p className="text-xs text-slate-600">Click the passage to choose one.</p>
      ) : null}
    </div>
  );
}
