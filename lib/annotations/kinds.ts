// What each kind of annotation links, in one table that the server's span
// checks (spans.ts) and the composer both read, so their wording cannot drift.

import type { AnnotationKind } from "@/lib/annotations/schemas";

export type KindRule = {
  /** Fewest different sources the passages must come from. */
  minSources: number;
  /** Exact number of passages, when the kind fixes it. */
  exactSpans?: number;
  /** Shown when the passages break the rule. */
  message: string;
  /** One line for the composer and the docs. */
  description: string;
};

export const kindRules: Record<AnnotationKind, KindRule> = {
  agreement: {
    minSources: 2,
    message: "An agreement links passages in at least two different sources.",
    description: "Two or more sources say the same thing.",
  },
  contradiction: {
    minSources: 2,
    message: "A contradiction links passages in at least two different sources.",
    description: "Sources say incompatible things; the first passage states the claim the others contradict.",
  },
  note: {
    minSources: 1,
    exactSpans: 1,
    message: "A note points to exactly one passage.",
    description: "A remark on one passage.",
  },
};

export function isLinkKind(kind: AnnotationKind): boolean {
  return kindRules[kind].minSources > 1;
}

type SpanLike = { sourceId: string; start: number; end: number };

/** Why these passages do not fit the kind, or null when they do. */
export function kindProblem(kind: AnnotationKind, spans: readonly SpanLike[]): string | null {
  const rule = kindRules[kind];
  if (rule.exactSpans !== undefined && spans.length !== rule.exactSpans) return rule.message;
  if (new Set(spans.map((span) => span.sourceId)).size < rule.minSources) return rule.message;
  return null;
}

/** Index of a passage that overlaps an earlier one in the same source, or -1. */
export function overlappingSpanIndex(spans: readonly SpanLike[]): number {
  return spans.findIndex((span, i) =>
    spans.slice(0, i).some((other) => other.sourceId === span.sourceId && span.start < other.end && other.start < span.end),
  );
}

/** Sources a link still needs a passage from, given the sources it can draw on (in order). */
export function missingSourceCount(kind: AnnotationKind, spans: readonly SpanLike[]): number {
  return Math.max(0, kindRules[kind].minSources - new Set(spans.map((span) => span.sourceId)).size);
}
