"use client";

import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from "react";

import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import { reliabilityLabel } from "@/lib/comparisons/grades";
import type { ComparisonSourceView } from "@/lib/comparisons/views";

import { buildTextIndex, type TextIndex } from "./text-dom";

export type Side = "left" | "right";

export type SourceColumnProps = {
  side: Side;
  source: ComparisonSourceView;
  /** Every source of the comparison, for the column's source picker. */
  sources: readonly ComparisonSourceView[];
  onPick: (side: Side, sourceId: string) => void;
  isArmed?: boolean;
  onIndex: (side: Side, index: TextIndex) => void;
  onSelectionEnd?: (side: Side) => void;
  onScroll?: () => void;
  onPointerOverText?: (side: Side, event: MouseEvent<HTMLElement>) => void;
  onTextClick?: (side: Side, event: MouseEvent<HTMLElement>) => void;
  /** A passage found by the keyboard-friendly "Find passage" box. */
  onFound?: (side: Side, start: number, end: number) => void;
};

/** Next occurrence of `query` after `from`, wrapping around; case-insensitive when that keeps offsets exact. */
export function findPassage(text: string, query: string, from: number): number {
  const lowerText = text.toLowerCase();
  const lowerQuery = query.toLowerCase();
  const isSafe = lowerText.length === text.length && lowerQuery.length === query.length;
  const haystack = isSafe ? lowerText : text;
  const needle = isSafe ? lowerQuery : query;
  const next = haystack.indexOf(needle, from);
  return next >= 0 ? next : haystack.indexOf(needle);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function SourceColumn(props: SourceColumnProps) {
  const { side, source, sources, onPick, isArmed, onIndex, onSelectionEnd, onScroll, onPointerOverText, onTextClick, onFound } = props;
  const textRef = useRef<HTMLDivElement>(null);
  const lastFound = useRef(-1);
  const [findMessage, setFindMessage] = useState<string | null>(null);
  const paragraphs = useMemo(() => splitParagraphs(source.text), [source.text]);
  const headingId = `source-${side}-title`;

  useLayoutEffect(() => {
    if (textRef.current) onIndex(side, buildTextIndex(textRef.current, paragraphs));
  }, [onIndex, paragraphs, side]);

  const host = hostOf(source.url);
  const onKeyUp = (event: KeyboardEvent<HTMLElement>) => {
    if (event.shiftKey || event.key === "Shift") onSelectionEnd?.(side);
  };

  return (
    <section
      aria-labelledby={headingId}
      data-side={side}
      className={`flex min-h-0 flex-col rounded-xl border bg-white shadow-sm transition-shadow ${
        isArmed ? "border-indigo-500 ring-4 ring-indigo-200" : "border-slate-200"
      }`}
    >
      <header className="border-b border-slate-100 px-6 pt-4 pb-3">
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Source {source.label}
            {source.reliability ? (
              <span
                className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 normal-case"
                title={`Reliability ${source.reliability}: ${reliabilityLabel[source.reliability]}${source.reliabilityNote ? ` — ${source.reliabilityNote}` : ""}`}
              >
                Reliability {source.reliability}
              </span>
            ) : null}
          </p>
          {sources.length > 2 ? (
            <select
              aria-label={`Source in the ${side} column`}
              value={source.id}
              onChange={(event) => onPick(side, event.target.value)}
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
        <h2 id={headingId} className="mt-0.5 font-serif text-xl leading-snug font-semibold text-slate-900">
          {source.title}
        </h2>
        <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-600">
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
        <form
          className="mt-2 flex items-center gap-2"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            const query = String(new FormData(event.currentTarget).get("find") ?? "").trim();
            if (!query) return;
            const start = findPassage(source.text, query, lastFound.current + 1);
            if (start < 0) {
              setFindMessage("Not found in this article.");
              return;
            }
            setFindMessage(null);
            lastFound.current = start;
            onFound?.(side, start, start + query.length);
          }}
        >
          <input
            name="find"
            type="search"
            aria-label={`Find passage in ${source.title}`}
            placeholder="Find passage…"
            data-find-side={side}
            className="input py-1 text-sm"
            onChange={() => {
              lastFound.current = -1;
              setFindMessage(null);
            }}
          />
          {findMessage ? (
            <span role="status" className="shrink-0 text-xs text-amber-800">
              {findMessage}
            </span>
          ) : null}
        </form>
      </header>
      <div
        className="min-h-0 flex-1 overflow-y-auto px-6 py-5"
        data-scroll-side={side}
        onScroll={onScroll}
        tabIndex={0}
        aria-label={`Text of ${source.title}`}
        onMouseUp={() => onSelectionEnd?.(side)}
        onKeyUp={onKeyUp}
        onMouseMove={onPointerOverText ? (event) => onPointerOverText(side, event) : undefined}
        onClick={onTextClick ? (event) => onTextClick(side, event) : undefined}
      >
        <div
          ref={textRef}
          data-text-root={side}
          lang={source.language}
          className="max-w-prose space-y-4 font-serif text-[17px] leading-8 whitespace-pre-line text-slate-800"
        >
          {paragraphs.map((paragraph) => (
            <p key={paragraph.start} data-start={paragraph.start}>
              {paragraph.text}
            </p>
          ))}
        </div>
      </div>
    </section>
  );
}
