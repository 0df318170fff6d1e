"use client";

import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";

import type { AnnotationView } from "@/lib/annotations/views";
import { isCredibility } from "@/lib/comparisons/grades";

import { RecheckBadge } from "@/components/versions/recheck-badge";

import { KindBadge, StatusBadge } from "./badges";

// The annotation list, virtualised (@tanstack/react-virtual): only the cards
// in view are in the DOM, so 5,000 annotations cost what 15 do. One Tab stop:
// arrow keys, Home/End and PageUp/PageDown move focus between cards (roving
// tabindex); the focused card is always kept rendered.

type Props = {
  annotations: AnnotationView[];
  orphans?: ReadonlyMap<string, ReadonlySet<string>>;
  selectedId: string | null;
  onChoose: (id: string) => void;
  sourceLabel: (sourceId: string) => string;
};

const ESTIMATED_CARD_PX = 76;

export function AnnotationList({ annotations, orphans, selectedId, onChoose, sourceLabel }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const shouldFocus = useRef(false);
  const selectedIndex = selectedId ? annotations.findIndex((a) => a.id === selectedId) : -1;
  const activeIndex = Math.min(active, Math.max(0, annotations.length - 1));

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || activeIndex >= range.count ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The project does not use the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    overscan: 6,
    getItemKey: (index) => annotations[index]?.id ?? index,
    rangeExtractor,
    initialRect: { width: 340, height: 700 },
  });

  // A selection made elsewhere (text, gutter, deep link) becomes the active card, scrolled into view.
  useEffect(() => {
    if (selectedIndex < 0) return;
    setActive(selectedIndex);
    virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (!shouldFocus.current) return;
    shouldFocus.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] button`)?.focus();
  }, [activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ESTIMATED_CARD_PX) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: annotations.length - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
    };
    const target = moves[event.key];
    if (target === undefined || annotations.length === 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(annotations.length - 1, target));
    shouldFocus.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
    if (next === activeIndex) scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] button`)?.focus();
  };

  return (
    <div ref={scrollRef} className="min-h-[404px] flex-1 overflow-y-auto" data-testid="annotation-list-scroller">
      <ul aria-label="Annotation list" onKeyDown={onKeyDown} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const annotation = annotations[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={annotations.length}
              aria-posinset={item.index + 1}
              className="absolute top-0 left-0 w-full border-b border-slate-100"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <AnnotationCard
                annotation={annotation}
                isSelected={annotation.id === selectedId}
                isActive={item.index === activeIndex}
                isOrphaned={orphans?.has(annotation.id) ?? false}
                onChoose={onChoose}
                index={item.index}
                onFocusIndex={setActive}
                sourceLabel={sourceLabel}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type CardProps = {
  annotation: AnnotationView;
  isSelected: boolean;
  isActive: boolean;
  isOrphaned: boolean;
  onChoose: (id: string) => void;
  index: number;
  onFocusIndex: (index: number) => void;
  sourceLabel: (sourceId: string) => string;
};

const AnnotationCard = memo(function AnnotationCard({
  annotation,
  isSelected,
  isActive,
  isOrphaned,
  onChoose,
  index,
  onFocusIndex,
  sourceLabel,
}: CardProps) {
  const credibility = annotation.credibility !== null && isCredibility(annotation.credibility) ? annotation.credibility : null;
  return (
    <button
      type="button"
      data-annotation={annotation.id}
      tabIndex={isActive ? 0 : -1}
      aria-current={isSelected ? "true" : undefined}
      onClick={() => onChoose(annotation.id)}
      onFocus={() => onFocusIndex(index)}
      className={`block w-full px-3 py-2 text-left transition-colors hover:bg-slate-50 focus-visible:-outline-offset-2 ${isSelected ? "bg-amber-50 ring-2 ring-amber-400 ring-inset" : ""}`}
    >
      <span className="flex items-center gap-1.5 whitespace-nowrap">
        <KindBadge kind={annotation.kind} />
        <StatusBadge status={annotation.status} />
        {credibility ? (
          <span className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-700" title="Information credibility">
            <span className="sr-only">Credibility</span>
            <span aria-hidden>cred.</span> {credibility}
          </span>
        ) : null}
        {isOrphaned ? <span className="text-xs font-medium text-amber-800">⚠ Orphaned passage</span> : null}
        <RecheckBadge annotation={annotation} />
        <span className="ml-auto min-w-0 truncate text-xs text-slate-600">{annotation.author.name}</span>
      </span>
      <span dir="auto" className="mt-1 block truncate text-sm text-slate-800">
        {annotation.rationale}
      </span>
      <span className="mt-0.5 flex gap-2 text-xs text-slate-600">
        {annotation.spans.slice(0, 3).map((span) => (
          <span key={span.id} className="flex min-w-0 flex-1 gap-1">
            <span className="shrink-0 font-semibold">{sourceLabel(span.sourceId)}</span>
            <span dir="auto" className="truncate">
              “{span.exact}”
            </span>
          </span>
        ))}
      </span>
    </button>
  );
});
