// Deterministic synthetic workload for bench/workbench.bench.ts: two sources
// of 20,000 words in paragraphs, 5,000 annotations (agreements and
// contradictions linking both sources, notes on one), described with the
// real describeSpan so they carry position + quote + context like stored spans.

import { describeSpan } from "@/lib/anchoring/quote";
import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import type { AnnotationView } from "@/lib/annotations/views";

export type BenchSource = { id: string; text: string };
export type BenchData = { left: BenchSource; right: BenchSource; annotations: AnnotationView[] };

export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  "ba",
  "ma",
  "ko",
  "wa",
  "gner",
  "ri",
  "ta",
  "sa",
  "hel",
  "mo",
  "di",
  "no",
  "ka",
  "lu",
  "ser",
  "vo",
  "ne",
  "ra",
  "fi",
  "tu",
];

export function makeText(words: number, random: () => number): string {
  const vocabulary = Array.from({ length: 3000 }, () => {
    const length = 1 + Math.floor(random() * 3);
    return Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join("");
  });
  const paragraphs: string[] = [];
  let written = 0;
  while (written < words) {
    const size = Math.min(words - written, 60 + Math.floor(random() * 90));
    const list = Array.from({ length: size }, (_, i) => {
      const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
      return i > 0 && random() < 0.08 ? `${word}.` : word;
    });
    paragraphs.push(`${list.join(" ")}.`);
    written += size;
  }
  return paragraphs.join("\n\n");
}

/** A span of 3–14 whole words starting at a random word of `text`. */
export function randomSpan(text: string, random: () => number): { start: number; end: number } {
  let start = Math.floor(random() * (text.length - 200));
  while (start > 0 && text[start - 1] !== " " && text[start - 1] !== "\n") start--;
  let end = start;
  const words = 3 + Math.floor(random() * 12);
  for (let i = 0; i < words && end < text.length; i++) {
    end++;
    while (end < text.length && text[end] !== " " && text[end] !== "\n") end++;
  }
  return { start, end };
}

const STATUSES: AnnotationStatus[] = ["draft", "in_review", "approved", "changes_requested", "rejected"];

export function makeBenchData({ words = 20_000, annotations = 5_000, seed = 42 } = {}): BenchData {
  const random = prng(seed);
  const left = { id: "00000000-0000-4000-8000-00000000000a", text: makeText(words, random) };
  const right = { id: "00000000-0000-4000-8000-00000000000b", text: makeText(words, random) };
  const span = (source: BenchSource, id: string) => {
    const { start, end } = randomSpan(source.text, random);
    const selector = describeSpan(source.text, start, end);
    const version = { id: `${source.id}-v1`, number: 1, createdAt: "2025-01-01T00:00:00.000Z" };
    return {
      id,
      sourceId: source.id,
      ...selector,
      version,
      anchor: { status: "unchanged" as const, ...selector, intactVersion: version, keptAt: null },
    };
  };
  const list: AnnotationView[] = Array.from({ length: annotations }, (_, i) => {
    const roll = random();
    const kind: AnnotationKind = roll < 0.4 ? "agreement" : roll < 0.8 ? "contradiction" : "note";
    const id = `a-${i}`;
    const spans = kind === "note" ? [span(random() < 0.5 ? left : right, `${id}-0`)] : [span(left, `${id}-0`), span(right, `${id}-1`)];
    const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
    return {
      id,
      comparisonId: "bench",
      kind,
      rationale: `Synthetic rationale ${i}`,
      confidence: "medium",
      credibility: null,
      tags: [],
      status: STATUSES[i % STATUSES.length]!,
      version: 1,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      decidedAt: null,
      author: { id: "bench-author", name: "Bench Analyst" },
      spans,
      needsRecheck: false,
    };
  });
  return { left, right, annotations: list };
}

/** The same text with an edit near the start: a sentence inserted and a word changed. */
export function editNearStart(text: string): string {
  const cut = text.indexOf(" ", 120);
  const edited = `${text.slice(0, cut)} An editor inserted this sentence near the start of the article.${text.slice(cut)}`;
  const word = edited.indexOf(" ", 400);
  return `${edited.slice(0, word)} changed${edited.slice(word + 1)}`;
}
