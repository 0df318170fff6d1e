"use client";

import { useCallback, useState, type MouseEvent } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import type { ChooserState } from "./annotation-chooser";
import { hitTest } from "./hover-card";
import type { TextIndex } from "./text-dom";

// Clicking a passage chooses its annotation, or offers a choice when several
// share it; a paragraph's margin marker offers all the paragraph's annotations.

type Options = {
  annotations: AnnotationView[];
  indexOf: (sourceId: string) => TextIndex | undefined;
  choose: (id: string) => void;
};

export function useChooser({ annotations, indexOf, choose }: Options) {
  const [chooser, setChooser] = useState<ChooserState | null>(null);

  const onTextClick = useCallback(
    (sourceId: string, event: MouseEvent<HTMLElement>) => {
      if (!window.getSelection()?.isCollapsed) return;
      const hits = hitTest(annotations, indexOf(sourceId), sourceId, event.clientX, event.clientY);
      if (hits.length === 1) choose(hits[0]!.id);
      else if (hits.length > 1) {
        const title = `${hits.length} annotations on this passage`;
        setChooser({ annotations: hits, top: event.clientY + 12, left: event.clientX - 20, opener: null, title });
      }
    },
    [annotations, indexOf, choose],
  );

  const onMarker = useCallback(
    (sourceId: string, paragraph: { start: number; end: number }, button: HTMLElement) => {
      const list = annotations.filter((a) =>
        a.spans.some((s) => s.sourceId === sourceId && s.start < paragraph.end && paragraph.start < s.end),
      );
      const rect = button.getBoundingClientRect();
      const title = `${list.length} ${list.length === 1 ? "annotation" : "annotations"} on this paragraph`;
      setChooser({ annotations: list, top: rect.bottom + 4, left: rect.left, opener: button, title });
    },
    [annotations],
  );

  const close = useCallback(() => setChooser(null), []);
  return { chooser, onTextClick, onMarker, close };
}
