"use client";

import { useCallback, useMemo, useReducer } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

// The one place where the workbench's list of annotations changes. Saves,
// state changes and deletions here, and remote changes later (live updates),
// all go through `upsert` and `remove`; an upsert never replaces a newer
// version with an older one.

type Action =
  { type: "upsert"; annotation: AnnotationView } | { type: "remove"; id: string } | { type: "replace"; annotations: AnnotationView[] };

export function annotationsReducer(list: AnnotationView[], action: Action): AnnotationView[] {
  if (action.type === "replace") return action.annotations;
  if (action.type === "remove") {
    return list.some((a) => a.id === action.id) ? list.filter((a) => a.id !== action.id) : list;
  }
  const incoming = action.annotation;
  const index = list.findIndex((a) => a.id === incoming.id);
  if (index === -1) return [...list, incoming];
  if (list[index]!.version > incoming.version) return list;
  const next = list.slice();
  next[index] = incoming;
  return next;
}

export type AnnotationStore = {
  annotations: AnnotationView[];
  upsert: (annotation: AnnotationView) => void;
  remove: (id: string) => void;
  /** Everything anew (a live resync after a gap in the feed). */
  replace: (annotations: AnnotationView[]) => void;
};

export function useAnnotationStore(initial: () => AnnotationView[]): AnnotationStore {
  const [annotations, dispatch] = useReducer(annotationsReducer, undefined, initial);
  const upsert = useCallback((annotation: AnnotationView) => dispatch({ type: "upsert", annotation }), []);
  const remove = useCallback((id: string) => dispatch({ type: "remove", id }), []);
  const replace = useCallback((next: AnnotationView[]) => dispatch({ type: "replace", annotations: next }), []);
  return useMemo(() => ({ annotations, upsert, remove, replace }), [annotations, upsert, remove, replace]);
}
