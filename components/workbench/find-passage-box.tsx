"use client";

import { useMemo, useState } from "react";

import type { ComparisonSourceView } from "@/lib/comparisons/views";

import { createFinder } from "./find-passage";

// "Find passage": type a phrase, Enter selects the next occurrence as a
// passage (Shift+Enter the previous one), and "n of m" says where you are.
// Matching ignores case, curly vs straight quotes and repeated white space.

type Props = {
  source: Pick<ComparisonSourceView, "id" | "label" | "title" | "text">;
  position: number;
  onFound?: (sourceId: string, start: number, end: number) => void;
};

export function FindPassage({ source, position, onFound }: Props) {
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState(-1);
  // The text is normalized once, at the first search (not while the page loads); each keystroke then searches it in linear time.
  const find = useMemo(() => {
    let finder: ReturnType<typeof createFinder> | null = null;
    return (query: string) => (finder ??= createFinder(source.text))(query);
  }, [source.text]);
  const matches = useMemo(() => (query.trim() ? find(query) : []), [find, query]);
  const inputId = `find-${position}`;

  const go = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = current < 0 ? (step === 1 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
    setCurrent(next);
    const match = matches[next]!;
    onFound?.(source.id, match.start, match.end);
  };

  const status = !query.trim()
    ? ""
    : matches.length === 0
      ? "Not found in this article."
      : current < 0
        ? `${matches.length} ${matches.length === 1 ? "match" : "matches"}`
        : `${current + 1} of ${matches.length}`;

  return (
    <form
      className="mt-2 flex items-center gap-2"
      role="search"
      aria-label={`Find passage in ${source.label}`}
      onSubmit={(event) => {
        event.preventDefault();
        go(1);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Find passage in {source.title}
      </label>
      <input
        id={inputId}
        name="find"
        type="search"
        value={query}
        placeholder="Find passage…"
        data-find-source={source.id}
        data-find-column={position}
        className="input min-w-0 py-1 text-sm"
        onChange={(event) => {
          setQuery(event.target.value);
          setCurrent(-1);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter" && event.shiftKey) {
            event.preventDefault();
            go(-1);
          }
        }}
        aria-describedby={`${inputId}-status`}
      />
      <span
        id={`${inputId}-status`}
        role="status"
        className={`shrink-0 text-xs ${matches.length === 0 ? "text-amber-800" : "text-slate-600"}`}
      >
        {status}
      </span>
    </form>
  );
}
