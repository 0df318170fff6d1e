// Deterministic workload for bench/matrix.bench.ts: six sources of 20,000
// words and 5,000 annotations, inserted straight into a bench database.
// Agreements and contradictions link 2–4 of the six sources (quotes of 3–14
// words); one in ten annotations is a note. Statuses, tags and credibility
// vary so every column of the matrix has something to show.
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "../lib/generated/prisma/client";
import { firstVersion, spanOnVersion } from "../lib/versions/records";

export const SOURCES = 6;
export const WORDS = 20_000;
export const ANNOTATIONS = 5_000;

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ba", "ma", "ko", "wa", "gner", "ri", "ta", "sa", "hel", "mo", "di", "no", "ka", "lu", "ser", "vo", "ne", "ra"];

function makeText(random: () => number): string {
  const vocabulary = Array.from({ length: 3000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join(""),
  );
  const paragraphs: string[] = [];
  for (let written = 0; written < WORDS;) {
    const size = Math.min(WORDS - written, 60 + Math.floor(random() * 90));
    paragraphs.push(`${Array.from({ length: size }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(" ")}.`);
    written += size;
  }
  return paragraphs.join("\n\n");
}

function randomSpan(text: string, random: () => number) {
  let start = Math.floor(random() * (text.length - 200));
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  let end = start;
  const words = 3 + Math.floor(random() * 12);
  for (let i = 0; i < words && end < text.length; i++) {
    end++;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
  }
  return { start, end, exact: text.slice(start, end) };
}

const statuses = ["draft", "in_review", "approved", "changes_requested", "rejected"] as const;

/** Inserts the workload; returns the comparison and an admin (who sees every annotation, drafts included). */
export async function seedMatrixWorkload(db: PrismaClient) {
  const random = prng(7);
  const admin = await db.user.create({
    data: { email: `bench-${randomUUID()}@bench.example`, name: "Bench Admin", role: "admin", passwordHash: "x" },
  });
  const texts = Array.from({ length: SOURCES }, () => makeText(random));
  const sources = await Promise.all(
    texts.map((text, i) =>
      db.source.create({
        data: {
          title: `Bench outlet ${i + 1}`,
          outlet: `Outlet ${i + 1}`,
          rawContent: text,
          text,
          contentHash: randomUUID(),
          versions: firstVersion({ text, rawContent: text, contentHash: "bench" }),
        },
        select: { id: true, versions: { select: { id: true } } },
      }),
    ),
  );
  const comparison = await db.comparison.create({
    data: {
      title: "Benchmark: matrix of 6 sources and 5,000 annotations",
      createdById: admin.id,
      sources: { create: sources.map((source, position) => ({ sourceId: source.id, position, reliability: "ABCDEF"[position] as "A" })) },
    },
  });
  const annotations = Array.from({ length: ANNOTATIONS }, (_, i) => {
    const roll = random();
    const kind = roll < 0.45 ? ("agreement" as const) : roll < 0.9 ? ("contradiction" as const) : ("note" as const);
    const count = kind === "note" ? 1 : 2 + Math.floor(random() * 3);
    const picked = [...sources.keys()].sort(() => random() - 0.5).slice(0, count);
    return { id: randomUUID(), kind, picked, i };
  });
  await db.annotation.createMany({
    data: annotations.map(({ id, kind, i }) => ({
      id,
      comparisonId: comparison.id,
      authorId: admin.id,
      kind,
      rationale: `Synthetic finding ${i}: outlets ${kind === "agreement" ? "agree" : "differ"} on event ${i % 97}.`,
      status: statuses[i % statuses.length]!,
      tags: [`group-${i % 12}`],
      credibility: i % 7 || null,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)),
    })),
  });
  await db.span.createMany({
    data: annotations.flatMap(({ id, picked }) =>
      picked.map((sourceIndex, position) => {
        const span = randomSpan(texts[sourceIndex]!, random);
        return {
          annotationId: id,
          sourceId: sources[sourceIndex]!.id,
          position,
          ...span,
          ...spanOnVersion(sources[sourceIndex]!.versions[0]!.id, span),
        };
      }),
    ),
  });
  return { comparisonId: comparison.id, actor: { id: admin.id, email: admin.email, name: admin.name, role: "admin" as const } };
}
