"use client";

import { memo } from "react";

import type { Paragraph } from "@/lib/anchoring/paragraphs";

// The text of a column: one <p data-start> per paragraph holding exactly one
// text node (text-dom.ts relies on it), each in a wrapper that also holds the
// paragraph's margin marker. Highlights are painted with the CSS Highlight
// API, which assistive technology does not see; the marker ("3 annotations")
// is what keyboard and screen-reader users reach and open instead.

type Props = {
  sourceId: string;
  paragraphs: Paragraph[];
  markers: ReadonlyMap<number, number>;
  onMarker: (sourceId: string, paragraph: { start: number; end: number }, button: HTMLElement) => void;
};

export const ParagraphList = memo(function ParagraphList({ sourceId, paragraphs, markers, onMarker }: Props) {
  return paragraphs.map((paragraph, i) => {
    const count = markers.get(i) ?? 0;
    return (
      <div key={paragraph.start} data-paragraph={i} className="relative">
        {count > 0 ? (
          <button
            type="button"
            data-marker={paragraph.start}
            aria-haspopup="dialog"
            aria-label={`${count} ${count === 1 ? "annotation" : "annotations"} on this paragraph`}
            onClick={(event) => {
              event.stopPropagation();
              onMarker(sourceId, { start: paragraph.start, end: paragraph.end }, event.currentTarget);
            }}
            className="absolute top-1.5 -left-5 min-w-4 rounded-full bg-slate-200 px-1 font-sans text-[11px] leading-4 font-semibold text-slate-800 select-none hover:bg-indigo-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {count}
          </button>
        ) : null}
        <p data-start={paragraph.start} dir="auto">
          {paragraph.text}
        </p>
      </div>
    );
  });
});
