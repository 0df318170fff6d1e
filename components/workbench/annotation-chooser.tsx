"use client";

import { useEffect, useRef } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { KindBadge, StatusBadge } from "./badges";

// A small dialog listing several annotations to choose from: opened by
// clicking a passage that several annotations share, and by a paragraph's
// margin marker (the way keyboard and screen-reader users reach annotations
// painted in the text).

export type ChooserState = {
  title: string;
  annotations: AnnotationView[];
  top: number;
  left: number;
  /** Focus goes back here on close. */
  opener: HTMLElement | null;
};

type Props = ChooserState & { onChoose: (id: string) => void; onClose: () => void; sourceLabel: (id: string) => string };

export function AnnotationChooser({ title, annotations, top, left, opener, onChoose, onClose, sourceLabel }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("button[data-choice]")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [onClose]);

  const close = () => {
    onClose();
    opener?.focus();
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={title}
      style={{ top: Math.min(top, window.innerHeight - 320), left: Math.max(8, Math.min(left, window.innerWidth - 344)) }}
      className="fixed z-50 w-84 max-w-[calc(100vw-16px)] rounded-lg border border-slate-200 bg-white shadow-xl"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          close();
        }
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
          event.preventDefault();
          const buttons = Array.from(ref.current?.querySelectorAll<HTMLElement>("button[data-choice]") ?? []);
          const at = buttons.indexOf(document.activeElement as HTMLElement);
          buttons[(at + (event.key === "ArrowDown" ? 1 : -1) + buttons.length) % buttons.length]?.focus();
        }
      }}
    >
      <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <p className="text-sm font-semibold">{title}</p>
        <button
          type="button"
          onClick={close}
          aria-label="Close"
          className="rounded px-1 text-lg leading-none text-slate-600 hover:text-slate-900"
        >
          ×
        </button>
      </div>
      <ul className="max-h-72 overflow-y-auto">
        {annotations.map((annotation) => (
          <li key={annotation.id} className="border-b border-slate-100 last:border-0">
            <button
              type="button"
              data-choice={annotation.id}
              onClick={() => {
                onClose();
                onChoose(annotation.id);
              }}
              className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus-visible:-outline-offset-2"
            >
              <span className="flex items-center gap-1.5">
                <KindBadge kind={annotation.kind} />
                <StatusBadge status={annotation.status} />
                <span className="ml-auto text-xs text-slate-600">
                  {[...new Set(annotation.spans.map((s) => sourceLabel(s.sourceId)))].join(" ↔ ")}
                </span>
              </span>
              <span dir="auto" className="mt-1 line-clamp-2 block text-sm text-slate-800">
                {annotation.rationale}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
