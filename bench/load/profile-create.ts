// `npm run load:profile`: the create-annotation path taken apart, in one
// process, on a throwaway database — how many statements (round trips) one
// create sends and which, what each piece costs in CPU: the session's JWT
// decode and re-encode (what getServerSession does), the per-request user
// re-read, zod, span checks, the audit row's serialization, and the whole
// service call on sources of 2,000 and 400,000 characters, next to the same
// writes through bare pg.
import { performance } from "node:perf_hooks";

import pg from "pg";

import { openBenchDatabase } from "../support/database";
import { makeText } from "./seed";

const ITERATIONS = Number(process.env.PROFILE_ITERATIONS ?? 300);

type Timing = { name: string; msPerCall: number; cpuMsPerCall: number; note?: string };

async function time(name: string, count: number, run: (index: number) => Promise<unknown> | unknown, note?: string): Promise<Timing> {
  for (let i = 0; i < Math.min(20, count); i++) await run(i); // warm up
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) await run(i);
  const spent = process.cpuUsage(cpu);
  return { name, msPerCall: (performance.now() - started) / count, cpuMsPerCall: (spent.user + spent.system) / 1000 / count, note };
}

/** Counts statements sent by any pg client in this process (Prisma's adapter included). */
function countStatements(): { take(): string[] } {
  const original = pg.Client.prototype.query;
  let seen: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string };
    seen.push((typeof config === "string" ? config : (config.text ?? "")).replace(/\s+/g, " ").slice(0, 90));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return {
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}

async function main(): Promise<void> {
  const database = await openBenchDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET ??= "profile-secret-profile-secret-profile-secret";
  try {
    const { db } = await import("@/lib/db");
    const { createSource } = await import("@/lib/sources/service");
    const { createComparison, getComparison } = await import("@/lib/comparisons/service");
    const { createAnnotation } = await import("@/lib/annotations/service");
    const { createAnnotationSchema } = await import("@/lib/annotations/schemas");
    const { encode, decode } = await import("next-auth/jwt");
    const { comparisonInput, readComparisonSources } = await import("../../tests/support/comparison-sources");

    const user = await db.user.create({
      data: { email: `profile-${Date.now()}@bench.example`, name: "Profile", role: "analyst", passwordHash: "x" },
    });
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const comparisonOf = async (chars: number) => {
      const sources = await Promise.all(
        [1, 2].map((seed) => createSource(actor, { title: `Profile ${chars} ${seed}`, text: makeText(chars, seed) })),
      );
      const created = await createComparison(
        actor,
        comparisonInput(
          `Profile ${chars}`,
          sources.map((s) => s.id),
        ),
      );
      return { id: created.id, sources: readComparisonSources(await getComparison(actor, created.id)) };
    };
    const bodyFor = (comparison: Awaited<ReturnType<typeof comparisonOf>>) => {
      const span = (index: number) => {
        const text = comparison.sources[index]!.text;
        const start = text.lastIndexOf(" ", text.length - 120) + 1;
        const end = text.indexOf(" ", start + 40);
        return { sourceId: comparison.sources[index]!.id, start, end, exact: text.slice(start, end) };
      };
      return { kind: "contradiction" as const, rationale: "Profile: the accounts disagree on the date.", spans: [span(0), span(1)] };
    };
    const small = await comparisonOf(2_000);
    const large = await comparisonOf(400_000);

    const statements = countStatements();
    await createAnnotation(actor, small.id, bodyFor(small));
    const perCreate = statements.take();
    await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, role: true, disabledAt: true } });
    const perUserRead = statements.take();

    const secret = process.env.NEXTAUTH_SECRET;
    const token = await encode({ token: { sub: actor.id, role: "analyst", name: actor.name, email: actor.email }, secret });
    const view = await createAnnotation(actor, small.id, bodyFor(small));
    const raw = new pg.Pool({ connectionString: database.url, max: 1 });
    raw.on("error", () => {});
    await raw.query(`CREATE TABLE IF NOT EXISTS floor_annotation (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text, rationale text);
      CREATE TABLE IF NOT EXISTS floor_span (annotation_id uuid, source_id uuid, start int, "end" int, exact text, position int)`);
    const rawBody = bodyFor(small);
    statements.take();

    const timings: Timing[] = [
      await time("JWT decode (next-auth/jwt: hkdf + JWE decrypt)", 500, () => decode({ token, secret })),
      await time("JWT encode (getServerSession re-issues the cookie)", 500, () =>
        encode({ token: { sub: actor.id, role: "analyst" }, secret }),
      ),
      await time("user re-read (prisma.user.findUnique)", ITERATIONS, () =>
        db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, role: true, disabledAt: true } }),
      ),
      await time("zod parse of the create body", 5000, () => createAnnotationSchema.parse(bodyFor(small))),
      await time("audit serialization (JSON round trip of the view)", 5000, () => JSON.parse(JSON.stringify(view))),
      await time("createAnnotation, 2,000-char sources", ITERATIONS, () => createAnnotation(actor, small.id, bodyFor(small))),
      await time("createAnnotation, 400,000-char sources", ITERATIONS, () => createAnnotation(actor, large.id, bodyFor(large))),
      await time("bare pg: BEGIN, INSERT, INSERT spans, COMMIT", ITERATIONS, async () => {
        const client = await raw.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query("INSERT INTO floor_annotation (kind, rationale) VALUES ($1, $2) RETURNING id", [
            rawBody.kind,
            rawBody.rationale,
          ]);
          const id = (rows[0] as { id: string }).id;
          await client.query(`INSERT INTO floor_span VALUES ($1, $2, $3, $4, $5, 0), ($1, $6, $7, $8, $9, 1)`, [
            id,
            rawBody.spans[0]!.sourceId,
            rawBody.spans[0]!.start,
            rawBody.spans[0]!.end,
            rawBody.spans[0]!.exact,
            rawBody.spans[1]!.sourceId,
            rawBody.spans[1]!.start,
            rawBody.spans[1]!.end,
            rawBody.spans[1]!.exact,
          ]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    ];
    await raw.end();

    console.log(`\nstatements per createAnnotation: ${perCreate.length} (+ ${perUserRead.length} for the user re-read in apiRoute)`);
    perCreate.forEach((sql, i) => console.log(`  ${String(i + 1).padStart(2)}. ${sql}`));
    console.log(`\n${"piece".padEnd(56)} ${"ms/call".padStart(8)} ${"CPU ms".padStart(8)}`);
    for (const t of timings)
      console.log(`${t.name.padEnd(56)} ${t.msPerCall.toFixed(3).padStart(8)} ${t.cpuMsPerCall.toFixed(3).padStart(8)}`);
    console.log(
      "\n(one process, sequential calls; the throwaway database runs with fsync off. CPU ms is this process's, so it excludes PostgreSQL.)",
    );
    await db.$disconnect();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
