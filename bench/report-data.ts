// Seeds a comparison for the report benchmark: 4 sources of realistic text
// (a 12,000-word vocabulary, so font and width caches miss as with real
// articles) and N approved findings quoting 40 words from 2–3 sources each.
import { randomUUID } from "node:crypto";

import { firstVersion, spanOnVersion } from "../lib/versions/records";
import { vocabulary } from "../tests/support/report-fixture";

export type Seeded = { comparisonId: string; actor: { id: string; email: string; name: string; role: "analyst" } };

const SOURCES = 4;

export async function seedReportBench(count: number): Promise<Seeded> {
  const { db } = await import("../lib/db");
  const words = vocabulary(12_000);
  let cursor = 0;
  const sentence = (length: number) => Array.from({ length }, () => words[(cursor++ * 7919) % words.length]).join(" ");
  const quotes = Array.from({ length: SOURCES }, () => Array.from({ length: count }, () => sentence(40)));
  const [analyst, reviewer] = await Promise.all(
    (["analyst", "reviewer"] as const).map((role) =>
      db.user.create({ data: { email: `${role}-${randomUUID()}@bench.example`, name: `Bench ${role}`, role, passwordHash: "x" } }),
    ),
  );
  const sources = await Promise.all(
    quotes.map((list, i) => {
      const text = list.join(". ");
      return db.source.create({
        data: {
          title: `Bench source ${i + 1}: ${sentence(8)}`,
          outlet: "Bench Outlet",
          url: `https://bench.example/${i}`,
          rawContent: text,
          text,
          contentHash: "bench",
          versions: firstVersion({ text, rawContent: text, contentHash: "bench" }),
        },
        select: { id: true, versions: { select: { id: true } } },
      });
    }),
  );
  const comparison = await db.comparison.create({
    data: {
      title: `Benchmark: ${count.toLocaleString("en")} approved findings`,
      question: "How fast is the report?",
      sources: { create: sources.map((source, position) => ({ sourceId: source.id, position, reliability: "B" as const })) },
    },
  });
  const ids = Array.from({ length: count }, () => randomUUID());
  const decidedAt = new Date();
  await db.annotation.createMany({
    data: ids.map((id, i) => ({
      id,
      comparisonId: comparison.id,
      authorId: analyst!.id,
      kind: i % 2 === 0 ? ("agreement" as const) : ("contradiction" as const),
      rationale: sentence(30),
      confidence: "high" as const,
      credibility: 1 + (i % 6),
      tags: ["bench", `group-${i % 10}`],
      status: "approved" as const,
      version: 2,
      decidedAt,
    })),
  });
  const offsets = quotes.map((list) => {
    let at = 0;
    return list.map((quote) => {
      const start = at;
      at += quote.length + 2;
      return { start, end: start + quote.length };
    });
  });
  await db.span.createMany({
    data: ids.flatMap((annotationId, i) => {
      const linked = [i % SOURCES, (i + 1) % SOURCES, ...(i % 5 === 0 ? [(i + 2) % SOURCES] : [])];
      return linked.map((s, position) => ({
        annotationId,
        sourceId: sources[s]!.id,
        ...offsets[s]![i]!,
        exact: quotes[s]![i]!,
        position,
        ...spanOnVersion(sources[s]!.versions[0]!.id, { ...offsets[s]![i]!, exact: quotes[s]![i]! }),
      }));
    }),
  });
  await db.review.createMany({
    data: ids.map((annotationId) => ({
      annotationId,
      reviewerId: reviewer!.id,
      decision: "approve" as const,
      annotationVersion: 1,
      createdAt: decidedAt,
    })),
  });
  return { comparisonId: comparison.id, actor: { id: analyst!.id, email: analyst!.email, name: analyst!.name, role: "analyst" } };
}
