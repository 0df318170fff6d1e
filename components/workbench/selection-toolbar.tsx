"use client";

import { useEffect, useRef } from "react";

import type { AnnotationKind } from "@/lib/annotations/schemas";

import { kindLabel } from "@/lib/annotations/state";

import { kindGlyph } from "./labels";

type Props = { top: number; left: number; onChoose: (kind: AnnotationKind) => void; onDismiss: () => void; autoFocus: boolean };

const kinds: AnnotationKind[] = ["agreement", "contradiction", "note"];

export function SelectionToolbar({ top, left, onChoose, onDismiss, autoFocus }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (autoFocus) ref.current?.querySelector("button")?.focus();
  }, [autoFocus]);

  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Annotate selection"
      style={{ top, left }}
      className="fixed z-40 flex -translate-x-1/2 gap-1 rounded-lg bg-slate-900 p-1 shadow-xl"
      onKeyDown={(event) => {
        if (event.key === "Escape") onDismiss();
      }}
    >
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(kind)}
          className="rounded-md px-2.5 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-amber-300"
        >
          <span aria-hidden className="mr-1 opacity-70">
            {kindGlyph[kind]}
          </span>
          {kindLabel[kind]}
        </button>
      ))}
    </div>
  );
}
