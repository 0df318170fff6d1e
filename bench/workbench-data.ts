// Deterministic workload for bench/workbench.bench.ts: N news-like sources
// of 20,000 words (bench/suggestions-data.ts: sentences from twenty
// templates with names, places, amounts and dates, so no two paragraphs
// repeat) and 5,000 annotations whose links pair random positions in two
// different sources (notes sit on one). Rationales are sentences of another
// such article, so the panel's text is as varied as real work.

import { describeSpan } from "@/lib/anchoring/quote";
import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import type { AnnotationView } from "@/lib/annotations/views";

import { makeArticle } from "./suggestions-data";

export type BenchSource = { id: string; title: string; text: string };
export type BenchData = { sources: BenchSource[]; annotations: AnnotationView[]; authors: Array<{ id: string; name: string }> };

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

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A span of 4–24 whole words starting at a random word of `text`. */
function randomPassage(text: string, random: () => number): { start: number; end: number } {
  let start = Math.floor(random() * (text.length - 300));
  while (start > 0 && text[start - 1] !== " " && text[start - 1] !== "\n") start--;
  let end = start;
  const words = 4 + Math.floor(random() * 21);
  for (let i = 0; i < words && end < text.length; i++) {
    end++;
    while (end < text.length && text[end] !== " " && text[end] !== "\n") end++;
  }
  return { start, end };
}

const STATUSES: AnnotationStatus[] = ["draft", "in_review", "approved", "changes_requested", "rejected", "approved", "in_review"];
const TAGS = ["casualties", "timeline", "withdrawal", "funding", "sourcing", "numbers", "quotes", "location"];

export type BenchOptions = { sources?: number; words?: number; annotations?: number; seed?: number; benchUserId: string };

export function makeBenchData({
  sources: sourceCount = 2,
  words = 20_000,
  annotations = 5_000,
  seed = 42,
  benchUserId,
}: BenchOptions): BenchData {
  const random = prng(seed);
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: uuid(random),
    title: `Bench article ${String.fromCharCode(65 + i)}: a long report on the events of the week`,
    text: makeArticle(words, seed * 100 + i + 1),
  }));
  const sentences = makeArticle(Math.max(30_000, annotations * 12), seed * 100 + 99)
    .split(/(?<=[.!?”])\s+/)
    .filter((s) => s.length > 20);
  const authors = [
    { id: benchUserId, name: "Bench Analyst" },
    ...Array.from({ length: 7 }, (_, i) => ({ id: uuid(random), name: `Analyst ${i + 2}` })),
  ];
  const span = (source: BenchSource, id: string) => {
    const { start, end } = randomPassage(source.text, random);
    const selector = describeSpan(source.text, start, end);
    // Made on the source's first (and only) version; the seed (bench/workbench-server.ts) stores it.
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
    const kind: AnnotationKind = roll < 0.45 ? "agreement" : roll < 0.85 ? "contradiction" : "note";
    const id = uuid(random);
    const a = Math.floor(random() * sourceCount);
    const b = (a + 1 + Math.floor(random() * (sourceCount - 1))) % sourceCount;
    const spans = kind === "note" ? [span(sources[a]!, uuid(random))] : [span(sources[a]!, uuid(random)), span(sources[b]!, uuid(random))];
    const status = STATUSES[i % STATUSES.length]!;
    // Drafts are private to their author: the bench signs in as their author, so all 5,000 are on screen.
    const author = status === "draft" ? authors[0]! : authors[1 + (i % (authors.length - 1))]!;
    const at = new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString();
    const rationale =
      `${sentences[i % sentences.length]} ${random() < 0.5 ? (sentences[(i * 7 + 3) % sentences.length] ?? "") : ""}`.trim();
    return {
      id,
      comparisonId: "bench",
      kind,
      rationale,
      confidence: (["low", "medium", "high"] as const)[i % 3]!,
      credibility: random() < 0.4 ? 1 + Math.floor(random() * 6) : null,
      tags: random() < 0.5 ? [TAGS[i % TAGS.length]!] : [],
      status,
      version: 1,
      createdAt: at,
      updatedAt: at,
      submittedAt: null,
      decidedAt: null,
      author,
      spans,
      needsRecheck: false,
    };
  });
  return { sources, annotations: list, authors };
}

/** The same text with an edit near the start: a sentence inserted and a word changed. */
export function editNearStart(text: string): string {
  const cut = text.indexOf(" ", 120);
  const edited = `${text.slice(0, cut)} An editor inserted this sentence near the start of the article.${text.slice(cut)}`;
  const word = edited.indexOf(" ", 400);
  return `${edited.slice(0, word)} changed${edited.slice(word + 1)}`;
}

// Syllable text and word spans for bench/anchoring-data.ts (its corpus is built from these).
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
