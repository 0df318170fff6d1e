// The real app for bench/workbench.bench.ts: seeds comparisons into a
// throwaway database (rows inserted directly, as the data is generated with
// valid spans), then serves it with `npm start` (scripts/run.ts start, which
// builds first when the sources changed) on BENCH_PORT.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";

import { firstVersion, spanOnVersion } from "../lib/versions/records";

import type { BenchData } from "./workbench-data";

export const BENCH_PASSWORD = "bench-password-1";

export async function createBenchUser(): Promise<{ id: string; email: string }> {
  const { db } = await import("../lib/db");
  const { hashPassword } = await import("../lib/auth/password");
  const email = `bench-${randomBytes(4).toString("hex")}@bench.example`;
  return db.user.create({
    data: { email, name: "Bench Analyst", role: "analyst", passwordHash: await hashPassword(BENCH_PASSWORD) },
    select: { id: true, email: true },
  });
}

/** Inserts the sources, one comparison over them and every annotation with its spans; returns the comparison id. */
export async function seedComparison(data: BenchData, title: string, creatorId: string): Promise<string> {
  const { db } = await import("../lib/db");
  for (const author of data.authors) {
    if (author.id === creatorId) continue;
    await db.user.upsert({
      where: { id: author.id },
      create: { id: author.id, email: `${author.id}@bench.example`, name: author.name, role: "analyst", passwordHash: "x" },
      update: {},
    });
  }
  const versionIds = new Map<string, string>();
  for (const source of data.sources) {
    const created = await db.source.create({
      data: {
        id: source.id,
        title: source.title,
        outlet: "Bench Outlet",
        rawContent: source.text,
        text: source.text,
        contentHash: source.id,
        versions: firstVersion({ text: source.text, rawContent: source.text, contentHash: source.id }),
      },
      select: { versions: { select: { id: true } } },
    });
    versionIds.set(source.id, created.versions[0]!.id);
  }
  const comparison = await db.comparison.create({ data: { title, createdById: creatorId }, select: { id: true } });
  await db.comparisonSource.createMany({
    data: data.sources.map((source, position) => ({ comparisonId: comparison.id, sourceId: source.id, position })),
  });
  const chunk = 1_000;
  for (let i = 0; i < data.annotations.length; i += chunk) {
    const slice = data.annotations.slice(i, i + chunk);
    await db.annotation.createMany({
      data: slice.map((a) => ({
        id: a.id,
        comparisonId: comparison.id,
        authorId: a.author.id,
        kind: a.kind,
        rationale: a.rationale,
        confidence: a.confidence,
        credibility: a.credibility,
        tags: a.tags,
        status: a.status,
        createdAt: new Date(a.createdAt),
      })),
    });
    await db.span.createMany({
      data: slice.flatMap((a) =>
        a.spans.map((s, position) => ({
          id: s.id,
          annotationId: a.id,
          sourceId: s.sourceId,
          start: s.start,
          end: s.end,
          exact: s.exact,
          prefix: s.prefix,
          suffix: s.suffix,
          position,
          ...spanOnVersion(versionIds.get(s.sourceId)!, s),
        })),
      ),
    });
  }
  return comparison.id;
}

export type BenchApp = { baseUrl: string; stop: () => Promise<void> };

/** `npm start` against the bench database; resolves once /api/health answers. */
export async function startApp(databaseUrl: string): Promise<BenchApp> {
  const port = Number(process.env.BENCH_PORT ?? 3338);
  const child: ChildProcess = spawn(process.execPath, [...process.execArgv, "scripts/run.ts", "start"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      PORT: String(port),
      PARALLAX_LOGIN_MAX_ATTEMPTS: "1000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output.slice(-4000)}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (attempt === 599) throw new Error(`npm start did not answer:\n${output.slice(-4000)}`);
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    },
  };
}
