// ReportData made in memory for renderer tests and the benchmark: N sources
// with long titles, URLs and grades, and M findings of every kind that quote
// realistic, varied text (no database needed).
import type { ReportAnnotation, ReportData, ReportSource } from "@/lib/reports/types";
import { countAnnotations } from "@/lib/reports/count";

const syllables = [
  "ba",
  "ko",
  "mi",
  "ta",
  "ru",
  "sen",
  "dol",
  "vi",
  "qua",
  "lor",
  "em",
  "pix",
  "nar",
  "tol",
  "gue",
  "fa",
  "zin",
  "ho",
  "cre",
  "ulm",
];

/** A deterministic vocabulary of `size` distinct made-up words (2–4 syllables). */
export function vocabulary(size: number, seed = 7): string[] {
  const words = new Set<string>();
  // mulberry32: small, fast, and its low bits are as random as its high ones.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  while (words.size < size) {
    const length = 2 + (next() % 3);
    let word = "";
    for (let i = 0; i < length; i++) word += syllables[next() % syllables.length];
    words.add(word);
  }
  return [...words];
}

export type FixtureOptions = { sources?: number; annotations?: number; vocabularySize?: number; quoteWords?: number };

export function makeReportData(options: FixtureOptions = {}): ReportData {
  const sourceCount = options.sources ?? 4;
  const count = options.annotations ?? 20;
  const words = vocabulary(options.vocabularySize ?? 12_000);
  let cursor = 0;
  const text = (length: number) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) out.push(words[(cursor++ * 7919) % words.length]!);
    return `${out.join(" ")}.`;
  };
  const sources: ReportSource[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    label: String.fromCharCode(65 + i),
    title: `Source ${i + 1}: ${text(9 + (i % 4) * 3)}`,
    outlet: `Outlet ${i + 1} ${text(2)}`,
    author: i % 3 === 0 ? null : `Author ${text(2)}`,
    url: `https://news.example.org/${i}/${text(6).replace(/[ .]/g, "-")}`,
    publishedAt: `2026-0${1 + (i % 9)}-1${i % 10}`,
    reliability: (["A", "B", "C", "D", "E", "F"] as const)[i % 6]!,
    reliabilityNote: i % 2 === 0 ? `Track record: ${text(8)}` : null,
  }));
  const kinds = ["contradiction", "agreement", "note"] as const;
  const annotations: ReportAnnotation[] = Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % 3]!;
    const linked =
      kind === "note" ? [i % sourceCount] : [i % sourceCount, (i + 1) % sourceCount, ...(i % 5 === 0 ? [(i + 2) % sourceCount] : [])];
    const unique = [...new Set(linked)].sort((a, b) => a - b);
    return {
      id: `10000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      kind,
      status: "approved",
      rationale: text(30),
      confidence: "high",
      tags: ["bench", `group-${i % 10}`],
      author: "Ana Analyst",
      credibility: 1 + (i % 6),
      passages: unique.map((sourceIndex) => ({
        sourceIndex,
        quotes: [text(options.quoteWords ?? 40)],
        quoteVersions: [{ versionNumber: 1, versionDate: new Date("2026-05-01T08:00:00Z"), isChangedSince: false, currentWording: null }],
      })),
      isQuoteChangedSince: false,
      claimSourceIndex: linked[0]!,
      review: { reviewer: "Rey Reviewer", decision: "approve", decidedAt: new Date("2026-05-02T10:00:00Z") },
    };
  });
  const order = { contradiction: 0, agreement: 1, note: 2 };
  annotations.sort((a, b) => order[a.kind] - order[b.kind]);
  return {
    comparison: {
      id: "20000000-0000-4000-8000-000000000000",
      title: "Benchmark comparison: withdrawal or rebrand?",
      question: "What happened?",
    },
    sources,
    scope: "approved",
    generatedAt: new Date("2026-05-03T09:30:00Z"),
    generatedBy: { name: "Bench Runner", email: "bench@example.org" },
    assessment: null,
    annotations,
    included: countAnnotations(annotations),
    excludedCount: 0,
    audit: null,
    signoff: null,
  };
}
