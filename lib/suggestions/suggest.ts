// Entry point: suggestions for every pair of sources of a comparison.
//
//   text → tokens (wink-nlp) → sentences → features per sentence
//        → candidate pairs per pair of sources (TF-IDF, pruned)
//        → evidence and score per candidate → ranked, de-duplicated list
import { findCandidates, buildVectors } from "./candidates";
import { SIDE_A, SIDE_B } from "./compare/evidence";
import { scorePair } from "./compare/score";
import { extractFeatures, type SentenceFeatures } from "./features";
import { suggestionKey } from "./key";
import { isEnglishTag, looksEnglish, NOT_ENGLISH_REASON } from "./language";
import { analyzeText } from "./nlp";
import { splitSentences } from "./sentences";
import type { SkippedSource, SourceInput, Suggestion, SuggestionResult, SuggestOptions } from "./types";
import { ENGINE_VERSION } from "./version";

const DEFAULTS = { minScore: 0.2, maxPerSourcePair: 50, maxPerSentence: 2 };
const CANDIDATES_PER_SENTENCE = 6;
export const TOO_SHORT_REASON = "too short to compare (fewer than two sentences)";

type Prepared = { source: SourceInput; label: string; sentences: SentenceFeatures[] };

/** Features of every usable source; the others are reported as skipped. */
function prepare(sources: SourceInput[], skipped: SkippedSource[], step: () => void): Prepared[] {
  const prepared: Prepared[] = [];
  for (const [index, source] of sources.entries()) {
    step();
    if (!isEnglishTag(source.language)) {
      skipped.push({ sourceId: source.id, reason: NOT_ENGLISH_REASON });
      continue;
    }
    const table = analyzeText(source.text);
    if (!looksEnglish(table)) {
      skipped.push({ sourceId: source.id, reason: NOT_ENGLISH_REASON });
      continue;
    }
    const sentences = extractFeatures(table, splitSentences(table));
    if (sentences.length < 2) skipped.push({ sourceId: source.id, reason: TOO_SHORT_REASON });
    else prepared.push({ source, label: source.label?.trim() || String.fromCharCode(65 + index), sentences });
  }
  return prepared;
}

/** Best-first, each sentence in at most `maxPerSentence` suggestions, at most `max` in all. */
function selectDiverse(scored: Suggestion[], maxPerSentence: number, max: number): Suggestion[] {
  const uses = new Map<string, number>();
  const chosen: Suggestion[] = [];
  for (const suggestion of scored.sort(compareSuggestions)) {
    const ids = suggestion.spans.map((span) => `${span.sourceId}:${span.start}`);
    if (ids.some((id) => (uses.get(id) ?? 0) >= maxPerSentence)) continue;
    for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1);
    chosen.push(suggestion);
    if (chosen.length >= max) break;
  }
  return chosen;
}

function compareSuggestions(x: Suggestion, y: Suggestion): number {
  return y.score - x.score || x.spans[0].start - y.spans[0].start || x.spans[1].start - y.spans[1].start;
}

function suggestForPair(
  left: Prepared,
  right: Prepared,
  vectors: ReturnType<typeof buildVectors>,
  at: [number, number],
  options: typeof DEFAULTS,
): Suggestion[] {
  const [leftVectors, rightVectors] = [vectors[at[0]]!, vectors[at[1]]!];
  const scored: Suggestion[] = [];
  const candidates = findCandidates(
    { vectors: leftVectors, sentences: left.sentences },
    { vectors: rightVectors, sentences: right.sentences },
    { perSentence: CANDIDATES_PER_SENTENCE },
  );
  for (const candidate of candidates) {
    const a = left.sentences[candidate.left]!;
    const b = right.sentences[candidate.right]!;
    const pair = scorePair(a, b, candidate.similarity, leftVectors.idf);
    if (!pair || pair.score < options.minScore) continue;
    const spans: Suggestion["spans"] = [
      { sourceId: left.source.id, start: a.unit.start, end: a.unit.end },
      { sourceId: right.source.id, start: b.unit.start, end: b.unit.end },
    ];
    const reasons = pair.reasons.map((reason) => reason.replaceAll(SIDE_A, left.label).replaceAll(SIDE_B, right.label));
    scored.push({ key: suggestionKey(pair.kind, spans), kind: pair.kind, spans, score: pair.score, reasons });
  }
  return selectDiverse(scored, options.maxPerSentence, options.maxPerSourcePair);
}

/**
 * Candidate agreements and contradictions between every two sources, in the
 * order the sources are given (spans[0] is always the earlier source).
 */
export function suggestForSources(sources: SourceInput[], options: SuggestOptions = {}): SuggestionResult {
  const { onProgress, ...rest } = options;
  const settings = { ...DEFAULTS, ...rest };
  const skipped: SkippedSource[] = [];
  // Progress counts every source and every pair of sources as one step (an upper bound until skips are known).
  let total = sources.length + (sources.length * (sources.length - 1)) / 2;
  let done = 0;
  const step = (stage: "reading" | "comparing") => onProgress?.({ done: done++, total, stage });
  const prepared = prepare(sources, skipped, () => step("reading"));
  total = sources.length + (prepared.length * (prepared.length - 1)) / 2;
  const vectors = buildVectors(prepared.map((item) => item.sentences));
  const suggestions: Suggestion[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      step("comparing");
      suggestions.push(...suggestForPair(prepared[i]!, prepared[j]!, vectors, [i, j], settings));
    }
  }
  onProgress?.({ done: total, total, stage: "comparing" });
  return { engineVersion: ENGINE_VERSION, suggestions: suggestions.sort(compareSuggestions), skipped };
}
