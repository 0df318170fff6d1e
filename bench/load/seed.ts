// Data for the load run, written through the real services (validation, span
// checks, audit rows) into the app's own database: comparisons over sources of
// 2,000 and 400,000 characters, one with 5,000 annotations for reading, one
// with 1,000 for the PDF. Set DATABASE_URL before calling.
import type { Actor } from "@/lib/auth/actor";

import { comparisonInput, pickSpan, readComparisonSources, type ComparisonSource } from "../../tests/support/comparison-sources";

export type LoadComparison = { id: string; sources: ComparisonSource[] };

export type LoadData = {
  small: LoadComparison;
  large: LoadComparison;
  read: LoadComparison;
  report: LoadComparison;
};

const WORDS =
  "junta Bamako Wagner instructors convoy Kidal withdrawal rebrand Kremlin Africa Corps residents accounts differ drones north mission accomplished ministry statement sources confirmed reported denied officials".split(
    " ",
  );

/** Deterministic prose of about `chars` characters, in paragraphs. */
export function makeText(chars: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const word = WORDS[(seed * 31 + i * 7 + Math.floor(i / 13)) % WORDS.length]!;
    const piece = i % 97 === 96 ? `${word}.\n\n` : i % 17 === 16 ? `${word}. ` : `${word} `;
    parts.push(piece);
    length += piece.length;
  }
  return parts.join("").slice(0, chars).trimEnd() + ".";
}

async function runPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

export async function seedLoadData(analystEmail: string, log: (message: string) => void): Promise<LoadData> {
  const { db } = await import("@/lib/db");
  const { createSource } = await import("@/lib/sources/service");
  const { createComparison, getComparison } = await import("@/lib/comparisons/service");
  const { createAnnotation } = await import("@/lib/annotations/service");
  const user = await db.user.findUniqueOrThrow({
    where: { email: analystEmail },
    select: { id: true, email: true, name: true, role: true },
  });
  const actor: Actor = user;

  const comparison = async (title: string, chars: number, seed: number): Promise<LoadComparison> => {
    const sources = await Promise.all(
      [0, 1].map((side) => createSource(actor, { title: `${title} — source ${side + 1}`, text: makeText(chars, seed + side) })),
    );
    const created = await createComparison(
      actor,
      comparisonInput(
        title,
        sources.map((source) => source.id),
      ),
    );
    return { id: created.id, sources: readComparisonSources(await getComparison(actor, created.id)) };
  };
  const annotate = async (target: LoadComparison, count: number) => {
    let random = 12345;
    const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;
    await runPool(count, 8, async (index) => {
      const kind = index % 3 === 0 ? "note" : index % 3 === 1 ? "agreement" : "contradiction";
      const spans =
        kind === "note"
          ? [pickSpan(target.sources[index % 2]!, next)]
          : [pickSpan(target.sources[0]!, next), pickSpan(target.sources[1]!, next)];
      await createAnnotation(actor, target.id, { kind, rationale: `Load seed ${index}: ${makeText(120, index)}`, tags: ["load"], spans });
    });
  };

  const started = Date.now();
  const data: LoadData = {
    small: await comparison("Load: 2,000-character sources", 2_000, 1),
    large: await comparison("Load: 400,000-character sources", 400_000, 3),
    read: await comparison("Load: 5,000 annotations", 60_000, 5),
    report: await comparison("Load: 1,000 annotations for the PDF", 60_000, 7),
  };
  await annotate(data.read, 5_000);
  await annotate(data.report, 1_000);
  log(`seeded 4 comparisons and 6,000 annotations through the services in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await db.$disconnect();
  return data;
}
