// Public shapes of the suggestion engine. Offsets are JavaScript string
// indices (UTF-16 code units) into the text given to the engine, end exclusive.

export type SuggestionKind = "agreement" | "contradiction";

/** `label` names the source in reasons ("A: ‘80%’"); without one, its letter by position (A, B, …). */
export type SourceInput = { id: string; text: string; language: string; label?: string };

export type SuggestionSpan = { sourceId: string; start: number; end: number };

export type Suggestion = {
  /** Stable across recomputations of the same texts: hash of source ids, offsets and kind. */
  key: string;
  kind: SuggestionKind;
  /** Always two spans, in the order the sources were given. */
  spans: [SuggestionSpan, SuggestionSpan];
  /** 0–1; higher means more worth an analyst's look. */
  score: number;
  /** Plain-language reasons a person can check against the two passages. */
  reasons: string[];
};

export type SkippedSource = { sourceId: string; reason: string };

export type SuggestionResult = {
  engineVersion: string;
  suggestions: Suggestion[];
  skipped: SkippedSource[];
};

/** How far a computation has come: `done` of `total` steps (one per source read, one per pair compared). */
export type SuggestProgress = { done: number; total: number; stage: "reading" | "comparing" };

export type SuggestOptions = {
  /** Called after each step; lets a worker report progress. */
  onProgress?: (progress: SuggestProgress) => void;
  /** Suggestions scoring below this are dropped (default 0.2). */
  minScore?: number;
  /** Upper bound on suggestions per pair of sources (default 50). */
  maxPerSourcePair?: number;
  /** How many suggestions one sentence may take part in, per pair of sources (default 2). */
  maxPerSentence?: number;
};
