"use client";

import { Fragment, useCallback, useEffect, useMemo, useRef, useState } from "react";

import { canEditAnnotation } from "@/lib/annotations/access";
import { findNearDuplicates } from "@/lib/annotations/duplicates";
import type { AnnotationKind } from "@/lib/annotations/schemas";
import type { AnnotationView } from "@/lib/annotations/views";
import { hasPermission } from "@/lib/auth/permissions";
import { fromCompactAnnotations, type CompactComparison } from "@/lib/comparisons/compact";
import type { SuggestionSpanView } from "@/lib/suggestions/views";
import { placeOnVersions } from "@/lib/versions/placement";

import { AnnotationPresence } from "@/components/live/annotation-presence";
import { useLiveWorkbench } from "@/components/live/use-live-workbench";
import { SuggestionsPanel } from "@/components/suggestions/suggestions-panel";
import { useReselect } from "@/components/versions/use-reselect";

import { AnnotationChooser } from "./annotation-chooser";
import { changeSentence, describeChanges } from "./annotation-changes";
import { AnnotationDetail, type Viewer } from "./annotation-detail";
import { useAnnotationStore } from "./annotation-store";
import { Composer, type DraftSpan } from "./composer";
import { ConnectorGutter } from "./connector-gutter";
import { emptyFilters, type AnnotationFilters } from "./filters";
import { flashRanges } from "./highlights";
import { HoverCardHost, useHoverCard } from "./hover-card";
import { paragraphMarkers } from "./markers";
import { SelectionToolbar } from "./selection-toolbar";
import { SidePanel } from "./side-panel";
import { SourceColumn } from "./source-column";
import { SourceTabs } from "./source-tabs";
import { offsetsFromRange, trimmedSpan, type TextIndex } from "./text-dom";
import { useAnnotationActions } from "./use-annotation-actions";
import { useChooser } from "./use-chooser";
import { useColumnOrder, useScreenLayout } from "./use-columns";
import { composerFrom, isComposerDirty, newComposer, useComposer } from "./use-composer";
import { useUnsavedWarning } from "./use-unsaved-warning";
import { ViewportEngine } from "./viewport-engine";
import { WorkbenchFrame } from "./workbench-frame";

type Pending = DraftSpan & { top: number; left: number; fromKeyboard: boolean };

type Props = {
  comparison: Omit<CompactComparison, "annotations">;
  /**
   * `CompactComparison["annotations"]` as JSON text. One string crosses from
   * server to browser as it is; 5,000 annotation objects would be walked by
   * React's serializer on the server and revived one value at a time in the
   * server render and again in the browser.
   */
  annotationsJson: string;
  viewer: Viewer;
  /** Deep link: `?annotation=<id>` selects it and brings its passages into view; `&edit=1` opens it in the composer. */
  initialAnnotationId?: string | null;
  openInComposer?: boolean;
  /** The feed position the comparison was read at (live updates resume from it). */
  feedCursor?: number | null;
  /** Sources shown at an older version (read-only), by id, with that version's text; the rest show the latest. */
  shownVersions?: Record<string, { number: number; text: string }>;
};

export function Workbench({
  comparison,
  annotationsJson,
  viewer,
  initialAnnotationId = null,
  openInComposer = false,
  feedCursor = null,
  shownVersions = noVersions,
}: Props) {
  const store = useAnnotationStore(() =>
    fromCompactAnnotations({ ...comparison, annotations: JSON.parse(annotationsJson) as CompactComparison["annotations"] }),
  );
  const { annotations, upsert, remove } = store;
  // `sources` hold the latest texts (the compact spans point into them); an older version replaces the text shown.
  const sources = useMemo(
    () => comparison.sources.map((s) => (shownVersions[s.id] ? { ...s, text: shownVersions[s.id]!.text } : s)),
    [comparison.sources, shownVersions],
  );
  const layout = useScreenLayout();
  const sourceIds = useMemo(() => sources.map((s) => s.id), [sources]);
  const { visible: columns, pick, show, swap } = useColumnOrder(sourceIds, layout.columnCount);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(emptyFilters);
  const [pending, setPending] = useState<Pending | null>(null);
  const [detailMessage, setDetailMessage] = useState<string | null>(null);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const [indexVersion, setIndexVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const indexes = useRef(new Map<string, TextIndex>());
  const scrollRequest = useRef<string | null>(initialAnnotationId);
  const [panelTab, setPanelTab] = useState("annotations");
  const [previewSpans, setPreviewSpans] = useState<SuggestionSpanView[] | null>(null);
  const showRequest = useRef<SuggestionSpanView[] | null>(null);

  const byId = useMemo(() => new Map(sources.map((source) => [source.id, source])), [sources]);
  const sourceLabel = useCallback((id: string) => byId.get(id)?.label ?? "?", [byId]);
  const texts = useMemo(() => new Map(sources.map((source) => [source.id, source.text])), [sources]);
  // Spans as they anchor in the displayed text; orphans are painted nowhere and flagged in the panel.
  const shown = useMemo(() => new Map(Object.entries(shownVersions).map(([id, v]) => [id, v.number])), [shownVersions]);
  const { placed, orphans } = useMemo(() => placeOnVersions(annotations, texts, shown), [annotations, texts, shown]);
  const placedById = useMemo(() => new Map(placed.map((a) => [a.id, a])), [placed]);
  const markers = useMemo(() => paragraphMarkers(placed, texts), [placed, texts]);
  const indexOf = useCallback((sourceId: string) => indexes.current.get(sourceId), []);

  const [engine] = useState(() => new ViewportEngine({ onChoose: () => {}, onChip: () => {}, labelOf: () => "?" }));
  useEffect(() => () => engine.destroy(), [engine]);
  useEffect(() => {
    void document.fonts?.ready.then(() => engine.invalidate());
  }, [engine]);

  const onSaved = useCallback(
    (annotation: AnnotationView, message: string) => {
      upsert(annotation);
      setSelectedId(annotation.id);
      setDetailMessage(message);
      // Keyboard users land on what they just saved (issue 12, bug 9).
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[data-testid=annotation-detail]")?.focus());
    },
    [upsert],
  );
  const { composer, setComposer, patch, save } = useComposer(comparison.id, upsert);
  useUnsavedWarning(isComposerDirty(composer));
  const editedOriginal = composer?.editing ? (annotations.find((a) => a.id === composer.editing!.id) ?? null) : null;
  const changes = useMemo(
    () => (composer && editedOriginal ? describeChanges(editedOriginal, composer, sourceLabel) : []),
    [composer, editedOriginal, sourceLabel],
  );
  const duplicates = useMemo(
    () => (composer && !composer.editing ? findNearDuplicates(composer, annotations) : []),
    [composer, annotations],
  );

  const saveComposer = async (submit: boolean) => {
    if (!composer) return;
    const before = editedOriginal;
    const result = await save(composer, submit);
    if (!result || !("annotation" in result)) return;
    const saved = result.annotation;
    const wasReturned = before && (before.status === "changes_requested" || before.status === "rejected");
    const message =
      wasReturned && saved.status === "in_review"
        ? `Resubmitted for review: ${changeSentence(changes)}.`
        : saved.status === "in_review"
          ? "Submitted for review."
          : "Saved as draft.";
    onSaved(saved, message);
  };
  useLiveWorkbench({ comparisonId: comparison.id, feedCursor, store, setComposer, editingId: composer?.editing?.id ?? null });

  const onIndex = useCallback(
    (position: number, sourceId: string, index: TextIndex) => {
      indexes.current.set(sourceId, index);
      const detach = engine.attachColumn(position, sourceId, index);
      setIndexVersion((v) => v + 1);
      return () => {
        detach();
        if (indexes.current.get(sourceId) === index) indexes.current.delete(sourceId);
      };
    },
    [engine],
  );

  useEffect(() => {
    engine.update({
      annotations: placed,
      selectedId,
      pending: composer?.spans ?? (pending ? [pending] : []),
      preview: previewSpans ?? [],
    });
  }, [engine, placed, selectedId, composer?.spans, pending, previewSpans]);

  const choose = useCallback(
    (id: string) => {
      setSelectedId(id);
      setDetailMessage(null);
      const annotation = placedById.get(id);
      if (!annotation) return;
      // Bring the annotation's sources on screen first (keeping those already there).
      const linked = [...new Set(annotation.spans.map((span) => span.sourceId))];
      const missing = linked.filter((sourceId) => !columns.includes(sourceId));
      const room = Math.min(columns.length, linked.length) - (linked.length - missing.length);
      if (room > 0) {
        const keep = linked.filter((sourceId) => columns.includes(sourceId));
        missing.slice(0, room).forEach((sourceId, i) => show(sourceId, [...keep, ...missing.slice(0, i)]));
        scrollRequest.current = id;
        return;
      }
      engine.reveal(annotation);
    },
    [placedById, columns, show, engine],
  );

  const { chooser, onTextClick, onMarker, close: closeChooser } = useChooser({ annotations: placed, indexOf, choose });

  // After the columns a chosen (or deep-linked) annotation needs have rendered, scroll to it.
  useEffect(() => {
    const id = scrollRequest.current;
    if (!id) return;
    const annotation = placedById.get(id);
    if (!annotation) {
      if (id === initialAnnotationId)
        setNotice("The linked annotation is not in this comparison, or you may not see it (drafts are private).");
      scrollRequest.current = null;
      return;
    }
    const needed = annotation.spans.map((s) => s.sourceId).filter((sourceId) => columns.includes(sourceId));
    if (!needed.every((sourceId) => indexes.current.has(sourceId))) return;
    scrollRequest.current = null;
    if (id === initialAnnotationId && selectedId !== id) {
      choose(id);
      if (openInComposer) {
        const original = annotations.find((a) => a.id === id);
        if (original && canEditAnnotation(viewer, original)) setComposer(composerFrom(placedById.get(id) ?? original));
      }
      return;
    }
    engine.reveal(annotation);
  }, [
    placedById,
    columns,
    indexVersion,
    engine,
    choose,
    initialAnnotationId,
    selectedId,
    openInComposer,
    annotations,
    viewer,
    setComposer,
  ]);

  // Suggestions tab: the engine paints the previewed passages; "Show in text" brings both on screen, then scrolls to them.
  const showSpans = useCallback(
    (spans: SuggestionSpanView[]) => {
      const ids = [...new Set(spans.map((span) => span.sourceId))];
      ids.forEach((sourceId, i) => show(sourceId, ids.slice(0, i)));
      showRequest.current = spans;
      setPreviewSpans(spans);
    },
    [show],
  );
  useEffect(() => {
    const spans = showRequest.current;
    if (!spans || !spans.every((span) => !columns.includes(span.sourceId) || indexes.current.has(span.sourceId))) return;
    showRequest.current = null;
    const ranges = spans.flatMap((span) => engine.scrollToPassage(span.sourceId, span.start, span.end) ?? []);
    flashRanges(ranges);
  }, [columns, indexVersion, engine]);

  /** One entry point for mouse selections and "Find passage" results. */
  const applySelection = (sourceId: string, rawStart: number, rawEnd: number, rect: DOMRect | null, fromKeyboard: boolean) => {
    const text = texts.get(sourceId) ?? "";
    const { start, end } = trimmedSpan(text, rawStart, rawEnd);
    if (end <= start) return;
    const span: DraftSpan = { sourceId, start, end, exact: text.slice(start, end) };
    if (shown.has(sourceId)) return setDetailMessage("This column shows an older version, read-only: switch it to Latest to annotate.");
    if (reselect.take(span)) return;
    if (composer) {
      const isDuplicate = composer.spans.some((s) => s.sourceId === sourceId && s.start === start && s.end === end);
      const spans = composer.kind === "note" ? [span] : isDuplicate ? composer.spans : [...composer.spans, span];
      patch({ spans, armedSourceId: null });
      window.getSelection()?.removeAllRanges();
      return;
    }
    const top = rect ? Math.max(64, rect.top - 48) : 120;
    const left = rect ? rect.left + rect.width / 2 : window.innerWidth / 2;
    setPending({ ...span, top, left, fromKeyboard });
  };

  const onSelectionEnd = (sourceId: string) => {
    const selection = window.getSelection();
    const index = indexes.current.get(sourceId);
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !index) return;
    const range = selection.getRangeAt(0);
    const offsets = offsetsFromRange(index, range);
    if (offsets) applySelection(sourceId, offsets.start, offsets.end, range.getBoundingClientRect(), false);
  };

  const onFound = (sourceId: string, start: number, end: number) => {
    const range = engine.scrollToPassage(sourceId, start, end);
    if (range) flashRanges([range], 800);
    applySelection(sourceId, start, end, range ? range.getBoundingClientRect() : null, true);
  };

  const startComposer = (kind: AnnotationKind) => {
    if (!pending) return;
    const other =
      kind === "note" ? null : (columns.find((id) => id !== pending.sourceId) ?? sourceIds.find((id) => id !== pending.sourceId) ?? null);
    setComposer(newComposer(kind, [{ sourceId: pending.sourceId, start: pending.start, end: pending.end, exact: pending.exact }], other));
    if (other) show(other, [pending.sourceId]);
    if (layout.isPanelDrawer) setIsDrawerOpen(true);
    if (pending.fromKeyboard && other) {
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-find-source="${other}"]`)?.focus());
    }
    setPending(null);
    setSelectedId(null);
    window.getSelection()?.removeAllRanges();
  };

  const cancelComposer = useCallback(() => {
    if (composer?.rationale.trim() && !window.confirm("Discard this annotation? Your rationale will be lost.")) return false;
    setComposer(null);
    return true;
  }, [composer, setComposer]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      if (chooser) closeChooser();
      else if (composer?.armedSourceId) patch({ armedSourceId: null });
      else if (pending) setPending(null);
      else if (composer) cancelComposer();
      else if (isDrawerOpen) setIsDrawerOpen(false);
      else setSelectedId(null);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [composer, pending, patch, cancelComposer, chooser, closeChooser, isDrawerOpen]);

  const hover = useHoverCard(placed, indexOf);
  const selected = annotations.find((a) => a.id === selectedId) ?? null;

  const { isBusy, runAction } = useAnnotationActions({
    selected,
    upsert,
    remove: (id) => {
      remove(id);
      setSelectedId(null);
    },
    setMessage: setDetailMessage,
  });

  const reselect = useReselect({
    annotation: selected,
    upsert,
    setMessage: setDetailMessage,
    showSource: (sourceId) => show(sourceId, selected?.spans.map((s) => s.sourceId).filter((id) => columns.includes(id)) ?? []),
  });

  const armSource = (sourceId: string | null) => {
    if (sourceId) show(sourceId, composer?.spans.map((s) => s.sourceId) ?? []);
    patch({ armedSourceId: sourceId });
  };

  useEffect(() => {
    engine.setHandlers({
      onChoose: choose,
      labelOf: sourceLabel,
      onChip: (annotationId, targets) => {
        const annotation = placedById.get(annotationId);
        const target = targets[0];
        if (!annotation || !target) return;
        if (columns.includes(target)) return choose(annotationId);
        show(
          target,
          annotation.spans.map((s) => s.sourceId).filter((id) => columns.includes(id)),
        );
        setSelectedId(annotationId);
        scrollRequest.current = annotationId;
      },
    });
  }, [engine, choose, sourceLabel, placedById, columns, show]);

  const detail = selected ? (
    <>
      <AnnotationPresence annotationId={selected.id} />
      <AnnotationDetail
        annotation={selected}
        viewer={viewer}
        sourceLabel={sourceLabel}
        onScreen={columns}
        onShowSource={(sourceId) => {
          show(
            sourceId,
            selected.spans.map((s) => s.sourceId).filter((id) => columns.includes(id)),
          );
          scrollRequest.current = selected.id;
        }}
        orphanedSpanIds={orphans.get(selected.id)}
        recheck={reselect.controls}
        isBusy={isBusy}
        message={detailMessage}
        // Placed: the passages where they stand in the text being edited (the latest version).
        onEdit={() => setComposer(composerFrom(placedById.get(selected.id) ?? selected))}
        onDelete={() => void runAction("delete")}
        onSubmit={() => void runAction("submit")}
        onWithdraw={() => void runAction("withdraw")}
        onClose={() => setSelectedId(null)}
      />
    </>
  ) : null;

  const suggestionsTab = {
    id: "suggestions",
    label: "Suggestions",
    content: (
      <SuggestionsPanel
        comparisonId={comparison.id}
        sources={sources}
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
    ),
  };

  const panel = composer ? (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <Composer
        state={composer}
        original={editedOriginal}
        changes={changes}
        duplicates={duplicates}
        onOpenExisting={(id) => {
          if (cancelComposer()) choose(id);
        }}
        sources={sources}
        onChange={patch}
        onArm={armSource}
        onSave={(submit) => void saveComposer(submit)}
        onCancel={cancelComposer}
      />
    </div>
  ) : (
    <SidePanel
      notice={notice}
      annotations={annotations}
      orphans={orphans}
      filters={filters}
      onFilters={setFilters}
      selectedId={selectedId}
      onChoose={choose}
      sourceLabel={sourceLabel}
      detail={detail}
      extraTabs={[suggestionsTab]}
      tab={panelTab}
      onTab={setPanelTab}
    />
  );

  const columnProps = {
    sources: sources,
    showPicker: sources.length > columns.length && layout.columnCount > 1,
    onPick: pick,
    onIndex,
    onSelectionEnd,
    onFound,
    onPointerOverText: hover.onMove,
    onPointerLeave: hover.onLeave,
    onTextClick,
    onMarker,
  };

  return (
    <WorkbenchFrame
      layout={layout}
      columnCount={columns.length}
      isDrawerOpen={isDrawerOpen}
      onDrawer={setIsDrawerOpen}
      annotationCount={annotations.length}
      panel={panel}
      tabs={
        layout.columnCount === 1 && sources.length > 1 ? (
          <SourceTabs sources={sources} current={columns[0]!} onPick={(id) => pick(0, id)} />
        ) : null
      }
    >
      {columns.map((sourceId, position) => (
        <Fragment key={sourceId}>
          {position > 0 ? (
            <div className="flex min-h-0 flex-col items-center">
              <button
                type="button"
                className="mb-1 rounded-md px-1.5 py-0.5 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                aria-label={`Swap columns ${position} and ${position + 1}: show ${sourceLabel(sourceId)} before ${sourceLabel(columns[position - 1]!)}`}
                title="Swap columns"
                onClick={() => swap(position - 1)}
              >
                ⇄
              </button>
              <ConnectorGutter position={position - 1} engine={engine} />
            </div>
          ) : null}
          <SourceColumn
            position={position}
            source={byId.get(sourceId)!}
            isArmed={composer?.armedSourceId === sourceId}
            markers={markers.get(sourceId) ?? noMarkers}
            {...columnProps}
          />
        </Fragment>
      ))}
      {pending && !composer ? (
        <SelectionToolbar
          top={pending.top}
          left={pending.left}
          onChoose={startComposer}
          onDismiss={() => setPending(null)}
          autoFocus={pending.fromKeyboard}
        />
      ) : null}
      <HoverCardHost store={hover.store} sourceLabel={sourceLabel} />
      {chooser ? <AnnotationChooser {...chooser} onChoose={choose} onClose={closeChooser} sourceLabel={sourceLabel} /> : null}
    </WorkbenchFrame>
  );
}

const noMarkers: ReadonlyMap<number, number> = new Map();
const noVersions: Record<string, { number: number; text: string }> = {};
