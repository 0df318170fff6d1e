"use client";

import { useCallback, useRef, useState, type MouseEvent } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { KindBadge, StatusBadge } from "./badges";
import type { Side } from "./source-column";
import { offsetOfPoint, type TextIndex } from "./text-dom";

// Highlights are not elements, so hover is found from the pointer position:
// caret at point → text offset → annotations whose spans contain it.

type Card = { annotations: AnnotationView[]; top: number; left: number };

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function useHoverCard(annotations: AnnotationView[], indexes: Map<string, TextIndex>, sourceIds: Record<Side, string>) {
  const [card, setCard] = useState<Card | null>(null);
  const frame = useRef(0);
  const { left: leftId, right: rightId } = sourceIds;

  const hitTest = useCallback(
    (side: Side, x: number, y: number): AnnotationView[] => {
      const sourceId = side === "left" ? leftId : rightId;
      const index = indexes.get(sourceId);
      const caret = caretAt(x, y);
      if (!index || !caret || caret.node.nodeType !== Node.TEXT_NODE) return [];
      const offset = offsetOfPoint(index, caret.node, caret.offset);
      if (offset === null) return [];
      return annotations.filter((a) => a.spans.some((s) => s.sourceId === sourceId && s.start <= offset && offset < s.end));
    },
    [annotations, indexes, leftId, rightId],
  );

  const onMove = useCallback(
    (side: Side, event: MouseEvent<HTMLElement>) => {
      const { clientX, clientY } = event;
      cancelAnimationFrame(frame.current);
      frame.current = requestAnimationFrame(() => {
        const hits = hitTest(side, clientX, clientY);
        setCard(hits.length ? { annotations: hits, top: clientY + 18, left: clientX + 12 } : null);
      });
    },
    [hitTest],
  );

  const onClick = useCallback(
    (side: Side, event: MouseEvent<HTMLElement>, choose: (id: string) => void) => {
      if (!window.getSelection()?.isCollapsed) return;
      const hit = hitTest(side, event.clientX, event.clientY)[0];
      if (hit) choose(hit.id);
    },
    [hitTest],
  );

  return { card, onMove, onClick };
}

export function HoverCard({ annotations, top, left, sourceLabel }: Card & { sourceLabel: (id: string) => string }) {
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
            <span className="ml-auto text-xs text-slate-500">{annotation.author.name}</span>
          </div>
          <p className="mt-1 line-clamp-3 text-slate-800">{annotation.rationale}</p>
          <p className="mt-0.5 text-xs text-slate-500">
            Links {[...new Set(annotation.spans.map((s) => sourceLabel(s.sourceId)))].join(" ↔ ")}
          </p>
        </div>
      ))}
      {annotations.length > 3 ? <p className="text-xs text-slate-500">and {annotations.length - 3} more</p> : null}
    </div>
  );
}
