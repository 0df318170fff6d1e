/**
 * The demo comparison and demo accounts every installation ships with.
 *
 * The first two articles are raw scrapes copied byte-for-byte into this folder
 * (`*.raw.txt`); they are kept as the sources' provenance and cleaned by the
 * same import pipeline that user imports go through. Metadata the articles do
 * not state (URL, author, date, the second outlet) is left empty, not invented.
 * The third is a short sample written for the demo, marked as such in its
 * outlet and its first line, so the demo shows a comparison of three sources.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { contentHash } from "../../lib/sources/content-hash";
import { importText } from "../../lib/sources/import-text";

export const SEED_RAW_FILES = [
  "rifts-mali-military-wagner.raw.txt",
  "wagner-leaves-mali-africa-corps.raw.txt",
  "sample-russian-trainers-stay.raw.txt",
] as const;
export type SeedRawFile = (typeof SEED_RAW_FILES)[number];

export type SeedSource = {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  language: string;
  rawFile: SeedRawFile;
};

export type SeedComparison = {
  title: string;
  question: string;
  /** In order: A, B, C. */
  sources: SeedSource[];
};

export const demoComparison: SeedComparison = {
  title: "Wagner's exit from Mali: withdrawal or rebrand?",
  question: "Has Russia's military presence in Mali ended?",
  sources: [
    {
      title: "Rifts Deepen in Mali’s Military Over Wagner Legacy",
      outlet: "CNews Live",
      author: null,
      url: null,
      publishedAt: null,
      language: "en",
      rawFile: "rifts-mali-military-wagner.raw.txt",
    },
    {
      // The scrape carries a page header above this, the article's headline: a
      // kicker question, the SEO headline "Wagner Mercenaries Seek Exit from
      // Military Engagements in Mali" (twice) and the standfirst, which the page
      // repeats under the headline. The import drops the header lines and keeps
      // the standfirst once, where the article has it.
      title: "Bidin' Adieu to Bamako: Wagner Mercenaries Call It Quits in Mali, But Russian Presence Persists with The Africa Corps",
      outlet: null,
      author: null,
      url: null,
      publishedAt: null,
      language: "en",
      rawFile: "wagner-leaves-mali-africa-corps.raw.txt",
    },
    {
      title: "After Wagner: Russian trainers stay on in Mali",
      outlet: "Parallax sample (fictional)",
      author: null,
      url: null,
      publishedAt: null,
      language: "en",
      rawFile: "sample-russian-trainers-stay.raw.txt",
    },
  ],
};

/** Reads a raw seed article from this folder (never from ../shared). */
export function readSeedRaw(file: SeedRawFile): string {
  return readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), "utf8");
}

export type LoadedSeedSource = Omit<SeedSource, "rawFile"> & {
  rawContent: string;
  rawFormat: "text";
  text: string;
  contentHash: string;
};

/** A seed source with its raw content, cleaned text and hash, ready to insert. */
export function loadSeedSource(source: SeedSource): LoadedSeedSource {
  const { rawFile, ...metadata } = source;
  const rawContent = readSeedRaw(rawFile);
  const { text } = importText(rawContent, { title: source.title });
  return {
    ...metadata,
    rawContent,
    rawFormat: "text",
    text,
    contentHash: contentHash(text),
  };
}

export type DemoRole = "analyst" | "reviewer" | "admin";
export type DemoAccount = { email: string; name: string; role: DemoRole };

/** Demo mode only; printed at start-up and in the README. */
export const DEMO_PASSWORD = "parallax-demo";

export const demoAccounts: readonly DemoAccount[] = [
  { email: "analyst@example.com", name: "Ana Analyst", role: "analyst" },
  { email: "analyst2@example.com", name: "Ari Analyst", role: "analyst" },
  { email: "reviewer@example.com", name: "Rey Reviewer", role: "reviewer" },
  { email: "admin@example.com", name: "Ada Admin", role: "admin" },
];
