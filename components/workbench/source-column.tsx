"use client";

import { memo, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from "react";

import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import { reliabilityLabel } from "@/lib/comparisons/grades";
import type { ComparisonSourceView } from "@/lib/comparisons/views";

import { FindPassage } from "./find-passage-box";
import { ParagraphList } from "./paragraph-list";
import { buildTextIndex, type TextIndex } from "./text-dom";

export type SourceColumnProps = {
  /** Column position on screen, 0-based. */
  position: number;
  source: ComparisonSourceView;
  /** Every source of the comparison, for the column's source picker (hidden when all are on screen anyway). */
  sources: readonly ComparisonSourceView[];
  showPicker: boolean;
  onPick: (position: number, sourceId: string) => void;
  isArmed?: boolean;
  /** Registers the rendered text; returns the cleanup. */
  onIndex: (position: number, sourceId: string, index: TextIndex) => () => void;
  onSelectionEnd?: (sourceId: string) => void;
  onPointerOverText?: (sourceId: string, event: MouseEvent<HTMLElement>) => void;
  onPointerLeave?: () => void;
  onTextClick?: (sourceId: string, event: MouseEvent<HTMLElement>) => void;
  /** A passage found by the keyboard-friendly "Find passage" box. */
  onFound?: (sourceId: string, start: number, end: number) => void;
  /** Annotation counts by paragraph index, for the margin markers. */
  markers: ReadonlyMap<number, number>;
  onMarker: (sourceId: string, paragraph: { start: number; end: number }, button: HTMLElement) => void;
};

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export const SourceColumn = memo(function SourceColumn(props: SourceColumnProps) {
  const { position, source, sources, showPicker, onPick, isArmed, onIndex, onSelectionEnd, onPointerOverText, onPointerLeave } = props;
  const { onTextClick, onFound, markers, onMarker } = props;
  const textRef = useRef<HTMLDivElement>(null);
  const paragraphs = useMemo(() => splitParagraphs(source.text), [source.text]);
  const headingId = `source-${position}-title`;

  useLayoutEffect(() => {
    if (!textRef.current) return;
    return onIndex(position, source.id, buildTextIndex(textRef.current, paragraphs));
  }, [onIndex, paragraphs, position, source.id]);

  const host = hostOf(source.url);
  const onKeyUp = (event: KeyboardEvent<HTMLElement>) => {
    if (event.shiftKey || event.key === "Shift") onSelectionEnd?.(source.id);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-column={position}
      data-source={source.id}
      className={`group flex min-h-0 min-w-0 flex-col rounded-xl border bg-white shadow-sm transition-shadow ${
        isArmed ? "border-indigo-500 ring-4 ring-indigo-200" : "border-slate-200"
      }`}
    >
      <header className="border-b border-slate-100 px-4 pt-3 pb-2 sm:px-6">
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Source {source.label}
            {source.reliability ? (
              <span
                className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 normal-case"
                title={`Reliability ${source.reliability}: ${reliabilityLabel[source.reliability]}${source.reliabilityNote ? ` — ${source.reliabilityNote}` : ""}`}
              >
                Reliability {source.reliability}
                <span className="sr-only">: {reliabilityLabel[source.reliability]}</span>
              </span>
            ) : null}
          </p>
          {showPicker ? (
            <select
              aria-label={`Source in column ${position + 1}`}
              value={source.id}
              onChange={(event) => onPick(position, event.target.value)}
              className="input w-auto max-w-[14rem] py-0.5 text-xs"
            >
              {sources.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label} · {option.title}
                </option>
              ))}
            </select>
          ) : null}
        </div>
        <h2
          id={headingId}
          dir="auto"
          title={source.title}
          className="mt-0.5 font-serif text-xl leading-snug font-semibold text-slate-900 group-data-[collapsed=true]:truncate group-data-[collapsed=true]:text-base"
        >
          {source.title}
        </h2>
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600 group-data-[collapsed=true]:hidden">
          <span>{source.outlet ?? <span className="italic">Outlet not stated</span>}</span>
          {source.author ? <span>{source.author}</span> : null}
          {source.publishedAt ? <time dateTime={source.publishedAt}>{source.publishedAt}</time> : null}
          {source.url && host ? (
            <a
              href={source.url}
              className="text-indigo-700 underline-offset-2 hover:underline"
              rel="noopener noreferrer nofollow"
              target="_blank"
            >
              {host}
            </a>
          ) : null}
        </p>
        <FindPassage source={source} position={position} onFound={onFound} />
      </header>
      <div
        // Opaque and promoted: Chromium then scrolls the text on the compositor instead of repainting it every frame.
        className="min-h-0 flex-1 overflow-y-auto rounded-b-xl bg-white px-4 py-5 [will-change:scroll-position] sm:px-6"
        data-scroll-side={position}
        tabIndex={0}
        role="article"
        aria-label={`Text of source ${source.label}`}
        onMouseUp={() => onSelectionEnd?.(source.id)}
        onKeyUp={onKeyUp}
        onMouseMove={onPointerOverText ? (event) => onPointerOverText(source.id, event) : undefined}
        onMouseLeave={onPointerLeave}
        onClick={onTextClick ? (event) => onTextClick(source.id, event) : undefined}
      >
        <div
          ref={textRef}
          data-text-root={position}
          lang={source.language}
          className="max-w-prose space-y-4 pl-4 font-serif text-[17px] leading-8 whitespace-pre-line text-slate-800"
        >
          <ParagraphList sourceId={source.id} paragraphs={paragraphs} markers={markers} onMarker={onMarker} />
        </div>
      </div>
    </section>
  );
});
