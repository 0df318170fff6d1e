"use client";

import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from "react";

import type { AnnotationKind } from "@/lib/annotations/schemas";
import type { AnnotationView } from "@/lib/annotations/views";
import type { ComparisonDetail } from "@/lib/comparisons/views";
import { placeOnVersions } from "@/lib/versions/placement";
import { useReselect } from "@/components/versions/use-reselect";
import { hasPermission } from "@/lib/auth/permissions";
import type { SuggestionSpanView } from "@/lib/suggestions/views";
import { paintSuggestionPreview } from "@/components/suggestions/preview";
import { SuggestionsPanel } from "@/components/suggestions/suggestions-panel";

import { AnnotationPresence } from "@/components/live/annotation-presence";
import { useLiveWorkbench } from "@/components/live/use-live-workbench";

import { AnnotationDetail, type Viewer } from "./annotation-detail";
import { AnnotationPanel } from "./annotation-panel";
import { Composer, type ComposerSource, type DraftSpan } from "./composer";
import { ConnectorGutter } from "./connector-gutter";
import { emptyFilters, type AnnotationFilters } from "./filters";
import { flashRanges, paintHighlights } from "./highlights";
import { HoverCard, useHoverCard } from "./hover-card";
import { SelectionToolbar } from "./selection-toolbar";
import { SourceColumn, type Side } from "./source-column";
import { offsetsFromRange, rangeFromOffsets, scrollIntoColumn, trimmedSpan, type TextIndex } from "./text-dom";
import { useAnnotationActions } from "./use-annotation-actions";
import { composerFrom, isComposerDirty, newComposer, useComposer } from "./use-composer";
import { PanelTabs, type PanelTab } from "./panel-tabs";
import { useUnsavedWarning } from "./use-unsaved-warning";
import { coversWindows, PAINT_MARGIN, REPAINT_MARGIN, visibleWindows, type OffsetWindow } from "./viewport";

type Pending = DraftSpan & { top: number; left: number; fromKeyboard: boolean };

/** The two sources on screen: the given pair, else the first two. */
function initialColumns(sources: ComparisonDetail["sources"]): [string, string] {
  return [sources[0]!.id, sources[1]!.id];
}

export function Workbench({
  comparison,
  viewer,
  feedCursor = null,
  shownVersions = {},
}: {
  comparison: ComparisonDetail;
  viewer: Viewer;
  /** The feed position the comparison was read at (live updates resume from it). */
  feedCursor?: number | null;
  /** Sources shown at an older version (read-only), by id; the rest show the latest. */
  shownVersions?: Record<string, number>;
}) {
  const [columns, setColumns] = useState<[string, string]>(() => initialColumns(comparison.sources));
  const [annotations, setAnnotations] = useState<AnnotationView[]>(comparison.annotations);
  const [indexes, setIndexes] = useState<Map<string, TextIndex>>(new Map());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(emptyFilters);
  const [pending, setPending] = useState<Pending | null>(null);
  const [layoutKey, setLayoutKey] = useState(0);
  const [detailMessage, setDetailMessage] = useState<string | null>(null);
  const frame = useRef(0);
  const paintedWindows = useRef<Map<string, OffsetWindow>>(new Map());
  const [paintKey, setPaintKey] = useState(0);
  const [panelTab, setPanelTab] = useState<PanelTab>("annotations");
  const [previewSpans, setPreviewSpans] = useState<SuggestionSpanView[] | null>(null);
  const showRequest = useRef<SuggestionSpanView[] | null>(null);

  const byId = useMemo(() => new Map(comparison.sources.map((source) => [source.id, source])), [comparison.sources]);
  const left = byId.get(columns[0])!;
  const right = byId.get(columns[1])!;
  const sources: ComposerSource[] = useMemo(
    () => comparison.sources.map((source) => ({ id: source.id, title: source.title, label: source.label })),
    [comparison.sources],
  );
  const texts = useMemo(() => new Map(comparison.sources.map((source) => [source.id, source.text])), [comparison.sources]);
  // Spans as they anchor in the displayed text; orphans are painted nowhere and flagged in the panel.
  const shown = useMemo(() => new Map(Object.entries(shownVersions)), [shownVersions]);
  const { placed, orphans } = useMemo(() => placeOnVersions(annotations, texts, shown), [annotations, texts, shown]);
  const sourceLabel = useCallback((id: string) => byId.get(id)?.label ?? "?", [byId]);
  const sourceOf = (side: Side) => (side === "left" ? left : right);
  const visibleIndexes = useMemo(
    () => new Map([...indexes].filter(([sourceId]) => sourceId === columns[0] || sourceId === columns[1])),
    [indexes, columns],
  );

  /** Puts a source in a column; picking the other column's source swaps the two. */
  const pickSource = useCallback((side: Side, sourceId: string) => {
    setColumns(([a, b]) => {
      if (side === "left") return sourceId === b ? [b, a] : [sourceId, b];
      return sourceId === a ? [b, a] : [a, sourceId];
    });
  }, []);

  /** Brings a source on screen, replacing the column that does not hold `keep`. */
  const showSource = useCallback((sourceId: string, keep?: string) => {
    setColumns(([a, b]) => {
      if (sourceId === a || sourceId === b) return [a, b];
      return keep === a ? [a, sourceId] : keep === b ? [sourceId, b] : [a, sourceId];
    });
  }, []);

  const upsert = useCallback((annotation: AnnotationView) => {
    setAnnotations((list) =>
      list.some((a) => a.id === annotation.id) ? list.map((a) => (a.id === annotation.id ? annotation : a)) : [...list, annotation],
    );
  }, []);
  const onSaved = useCallback(
    (annotation: AnnotationView) => {
      upsert(annotation);
      setSelectedId(annotation.id);
      setDetailMessage(annotation.status === "in_review" ? "Submitted for review." : "Saved as draft.");
    },
    [upsert],
  );
  const { composer, setComposer, patch, save } = useComposer(comparison.id, onSaved, upsert);
  useUnsavedWarning(isComposerDirty(composer));
  useLiveWorkbench({ comparisonId: comparison.id, feedCursor, setAnnotations, setComposer, editingId: composer?.editing?.id ?? null });

  const onIndex = useCallback(
    (side: Side, index: TextIndex) => setIndexes((map) => new Map(map).set(side === "left" ? left.id : right.id, index)),
    [left.id, right.id],
  );
  const relayout = useCallback(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setLayoutKey((k) => k + 1));
  }, []);

  useEffect(() => {
    const windows = visibleWindows(visibleIndexes, PAINT_MARGIN);
    paintedWindows.current = windows;
    paintHighlights({
      annotations: placed,
      indexes: visibleIndexes,
      selectedId,
      windows,
      pending: composer?.spans ?? (pending ? [pending] : []),
    });
  }, [placed, visibleIndexes, selectedId, composer?.spans, pending, paintKey]);

  // Scrolling or resizing past the painted part of a text repaints around the new view.
  useEffect(() => {
    if (!coversWindows(paintedWindows.current, visibleWindows(visibleIndexes, REPAINT_MARGIN))) setPaintKey((k) => k + 1);
  }, [visibleIndexes, layoutKey]);
  useEffect(() => {
    window.addEventListener("resize", relayout);
    return () => window.removeEventListener("resize", relayout);
  }, [relayout]);

  const scrollTo = useCallback(
    (annotation: AnnotationView) => {
      const ranges: Range[] = [];
      const seen = new Set<string>();
      for (const span of annotation.spans) {
        const index = visibleIndexes.get(span.sourceId);
        const range = index && rangeFromOffsets(index, span.start, span.end);
        if (!index || !range) continue;
        ranges.push(range);
        if (seen.has(span.sourceId)) continue;
        seen.add(span.sourceId);
        scrollIntoColumn(index, range);
      }
      flashRanges(ranges);
      relayout();
    },
    [visibleIndexes, relayout],
  );
  /** An annotation to scroll to once the columns it needs have been indexed. */
  const scrollRequest = useRef<string | null>(null);

  const choose = useCallback(
    (id: string) => {
      setSelectedId(id);
      setDetailMessage(null);
      const annotation = placed.find((a) => a.id === id);
      if (!annotation) return;
      // Bring the annotation's sources on screen first (keeping one column when it already shows one).
      const linked = [...new Set(annotation.spans.map((span) => span.sourceId))];
      const onScreen = linked.filter((sourceId) => columns.includes(sourceId));
      if (onScreen.length < Math.min(2, linked.length)) {
        const keep = onScreen[0] ?? linked[0]!;
        const other = linked.find((sourceId) => sourceId !== keep);
        setColumns(other ? [keep, other] : [keep, columns.find((c) => c !== keep) ?? columns[1]]);
        scrollRequest.current = id;
        return;
      }
      scrollTo(annotation);
    },
    [placed, scrollTo, columns],
  );

  // After columns change for a chosen annotation, scroll once their texts are indexed.
  useEffect(() => {
    const annotation = placed.find((a) => a.id === scrollRequest.current);
    if (!annotation || !annotation.spans.every((span) => !columns.includes(span.sourceId) || visibleIndexes.has(span.sourceId))) return;
    scrollRequest.current = null;
    scrollTo(annotation);
  }, [placed, columns, visibleIndexes, scrollTo]);

  // Suggestions tab: paint the previewed passages; "Show in text" brings both on screen, then scrolls to them.
  useEffect(() => {
    const ranges = (previewSpans ?? []).flatMap((span) => {
      const index = visibleIndexes.get(span.sourceId);
      const range = index && rangeFromOffsets(index, span.start, span.end);
      return range ? [range] : [];
    });
    paintSuggestionPreview(ranges);
  }, [previewSpans, visibleIndexes, paintKey]);
  useEffect(() => () => paintSuggestionPreview(null), []);
  const showSpans = useCallback((spans: SuggestionSpanView[]) => {
    const [a, b] = spans.map((span) => span.sourceId);
    if (a && b) setColumns(([x, y]) => ((x === a && y === b) || (x === b && y === a) ? [x, y] : [a, b]));
    showRequest.current = spans;
    setPreviewSpans(spans);
  }, []);
  useEffect(() => {
    const spans = showRequest.current;
    if (!spans || !spans.every((span) => visibleIndexes.has(span.sourceId))) return;
    showRequest.current = null;
    const ranges = spans.flatMap((span) => {
      const index = visibleIndexes.get(span.sourceId)!;
      const range = rangeFromOffsets(index, span.start, span.end);
      if (range) scrollIntoColumn(index, range);
      return range ? [range] : [];
    });
    flashRanges(ranges);
    relayout();
  }, [visibleIndexes, relayout]);

  /** One entry point for mouse selections and "Find passage" results. */
  const applySelection = (side: Side, rawStart: number, rawEnd: number, rect: DOMRect | null, fromKeyboard: boolean) => {
    const source = sourceOf(side);
    const { start, end } = trimmedSpan(source.text, rawStart, rawEnd);
    if (end <= start) return;
    const span: DraftSpan = { sourceId: source.id, start, end, exact: source.text.slice(start, end) };
    if (shown.has(source.id)) return setDetailMessage("This column shows an older version, read-only: switch it to Latest to annotate.");
    if (reselect.take(span)) return;
    if (composer) {
      const isDuplicate = composer.spans.some((s) => s.sourceId === span.sourceId && s.start === start && s.end === end);
      const spans = composer.kind === "note" ? [span] : isDuplicate ? composer.spans : [...composer.spans, span];
      patch({ spans, armedSourceId: null });
      window.getSelection()?.removeAllRanges();
      return;
    }
    const top = rect ? Math.max(64, rect.top - 48) : 120;
    const leftPx = rect ? rect.left + rect.width / 2 : window.innerWidth / 2;
    setPending({ ...span, top, left: leftPx, fromKeyboard });
  };

  const onSelectionEnd = (side: Side) => {
    const selection = window.getSelection();
    const index = visibleIndexes.get(sourceOf(side).id);
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !index) return;
    const range = selection.getRangeAt(0);
    const offsets = offsetsFromRange(index, range);
    if (offsets) applySelection(side, offsets.start, offsets.end, range.getBoundingClientRect(), false);
  };

  const onFound = (side: Side, start: number, end: number) => {
    const index = visibleIndexes.get(sourceOf(side).id);
    const range = index && rangeFromOffsets(index, start, end);
    if (range) {
      scrollIntoColumn(index, range);
      flashRanges([range], 800);
    }
    applySelection(side, start, end, range ? range.getBoundingClientRect() : null, true);
  };

  const startComposer = (kind: AnnotationKind) => {
    if (!pending) return;
    const other = pending.sourceId === left.id ? right.id : left.id;
    setComposer(
      newComposer(
        kind,
        [{ sourceId: pending.sourceId, start: pending.start, end: pending.end, exact: pending.exact }],
        kind === "note" ? null : other,
      ),
    );
    const otherSide = other === left.id ? "left" : "right";
    if (pending.fromKeyboard && kind !== "note") {
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-find-side="${otherSide}"]`)?.focus());
    }
    setPending(null);
    setSelectedId(null);
    window.getSelection()?.removeAllRanges();
  };

  const cancelComposer = useCallback(() => {
    if (composer?.rationale.trim() && !window.confirm("Discard this annotation? Your rationale will be lost.")) return;
    setComposer(null);
  }, [composer, setComposer]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      if (composer?.armedSourceId) patch({ armedSourceId: null });
      else if (pending) setPending(null);
      else if (composer) cancelComposer();
      else setSelectedId(null);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [composer, pending, patch, cancelComposer]);

  const hover = useHoverCard(placed, visibleIndexes, sides(left.id, right.id));
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  const { isBusy, runAction } = useAnnotationActions({
    selected,
    upsert,
    remove: (id) => {
      setAnnotations((list) => list.filter((a) => a.id !== id));
      setSelectedId(null);
    },
    setMessage: setDetailMessage,
  });

  const reselect = useReselect({ annotation: selected, upsert, setMessage: setDetailMessage, showSource });

  const armSource = (sourceId: string | null) => {
    if (sourceId) showSource(sourceId, composer?.spans[0]?.sourceId);
    patch({ armedSourceId: sourceId });
  };

  const columnEvents = {
    sources: comparison.sources,
    onPick: pickSource,
    onIndex,
    onSelectionEnd,
    onScroll: relayout,
    onFound,
    onPointerOverText: hover.onMove,
    onTextClick: (side: Side, event: MouseEvent<HTMLElement>) => hover.onClick(side, event, choose),
  };

  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)_64px_minmax(0,1fr)_340px] gap-0 px-4 pb-4">
      <SourceColumn key={`left-${left.id}`} side="left" source={left} isArmed={composer?.armedSourceId === left.id} {...columnEvents} />
      <div className="flex min-h-0 flex-col items-center">
        <button
          type="button"
          className="mb-1 rounded-md px-1.5 py-0.5 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900"
          aria-label={`Swap columns: show ${right.label} on the left and ${left.label} on the right`}
          title="Swap columns"
          onClick={() => setColumns(([a, b]) => [b, a])}
        >
          ⇄
        </button>
        <ConnectorGutter
          annotations={placed}
          leftSourceId={left.id}
          rightSourceId={right.id}
          indexes={visibleIndexes}
          selectedId={selectedId}
          layoutKey={layoutKey}
          onChoose={choose}
        />
      </div>
      <SourceColumn
        key={`right-${right.id}`}
        side="right"
        source={right}
        isArmed={composer?.armedSourceId === right.id}
        {...columnEvents}
      />
      <aside
        aria-label="Annotations panel"
        className="ml-4 flex min-h-0 flex-col overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm"
      >
        {composer ? (
          <div className="min-h-0 overflow-y-auto">
            <Composer
              state={composer}
              sources={sources}
              onChange={patch}
              onArm={armSource}
              onSave={(submit) => void save(composer, submit)}
              onCancel={cancelComposer}
            />
          </div>
        ) : panelTab === "suggestions" ? (
          <>
            <PanelTabs tab={panelTab} onTab={setPanelTab} />
            <div id="panel-suggestions" role="tabpanel" aria-labelledby="tab-suggestions" className="flex min-h-0 flex-1 flex-col">
              <SuggestionsPanel
                comparisonId={comparison.id}
                sources={comparison.sources}
                canDecide={hasPermission(viewer.role, "annotation.create")}
                onPreview={setPreviewSpans}
                onShow={showSpans}
                onAccept={(annotation) => {
                  // The draft opens in the composer; once saved, its detail shows under Annotations.
                  upsert(annotation);
                  setSelectedId(annotation.id);
                  setPanelTab("annotations");
                  showSpans(annotation.spans);
                  setPreviewSpans(null); // the composer marks the passages from here on
                  setComposer(composerFrom(annotation));
                }}
              />
            </div>
          </>
        ) : (
          <>
            <PanelTabs tab={panelTab} onTab={setPanelTab} />
            <div id="panel-annotations" role="tabpanel" aria-labelledby="tab-annotations" className="flex min-h-0 flex-1 flex-col">
              {selected ? <AnnotationPresence annotationId={selected.id} /> : null}
              {selected ? (
                <AnnotationDetail
                  annotation={selected}
                  viewer={viewer}
                  sourceLabel={sourceLabel}
                  onScreen={columns}
                  onShowSource={(sourceId) =>
                    showSource(sourceId, selected.spans.find((span) => columns.includes(span.sourceId))?.sourceId)
                  }
                  orphanedSpanIds={orphans.get(selected.id)}
                  recheck={reselect.controls}
                  isBusy={isBusy}
                  message={detailMessage}
                  onEdit={() => setComposer(composerFrom(placed.find((a) => a.id === selected.id) ?? selected))}
                  onDelete={() => void runAction("delete")}
                  onSubmit={() => void runAction("submit")}
                  onWithdraw={() => void runAction("withdraw")}
                  onClose={() => setSelectedId(null)}
                />
              ) : null}
              <AnnotationPanel
                annotations={annotations}
                orphans={orphans}
                filters={filters}
                onFilters={setFilters}
                selectedId={selectedId}
                onChoose={choose}
                sourceLabel={sourceLabel}
              />
            </div>
          </>
        )}
      </aside>
      {pending && !composer ? (
        <SelectionToolbar
          top={pending.top}
          left={pending.left}
          onChoose={startComposer}
          onDismiss={() => setPending(null)}
          autoFocus={pending.fromKeyboard}
        />
      ) : null}
      {hover.card ? <HoverCard {...hover.card} sourceLabel={sourceLabel} /> : null}
    </div>
  );
}

function sides(leftId: string, rightId: string): Record<Side, string> {
  return { left: leftId, right: rightId };
}
