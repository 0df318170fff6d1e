// Whole-workspace archive: export → restore into a fresh database → export
// again gives the same content; every table holding user data is archived;
// truncated, partial, edited and newer archives are refused with nothing
// written; restored accounts have no password until one admin gets one.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { gunzipSync, gzipSync } from "node:zlib";
import { createWriteStream } from "node:fs";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { publicTables } from "@/lib/archive/database";
import { ArchiveError } from "@/lib/archive/format";
import { restoreArchive } from "@/lib/archive/restore";
import { archivedTables, excludedTables } from "@/lib/archive/tables";
import { archiveStream } from "@/lib/archive/write";
import { verifyPassword } from "@/lib/auth/password";
import { addComment } from "@/lib/comments/service";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/infra/migrations";
import { seedDemo } from "@/prisma/seed";
import { createAnnotation, createComparison, createUser } from "@/tests/support/factories";

const run = promisify(execFile);
const folder = mkdtempSync(path.join(tmpdir(), "parallax-archive-"));
const sourceUrl = process.env.DATABASE_URL!;
const fresh: string[] = [];

function databaseUrl(name: string): string {
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function freshDatabase(): Promise<string> {
  const name = `parallax_archive_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`).finally(() => admin.end());
  fresh.push(name);
  await applyMigrations({ connectionString: databaseUrl(name) });
  return databaseUrl(name);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function exportTo(url: string, file: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await pipeline(
    archiveStream(client, () => client.end()),
    createWriteStream(file),
  );
  return gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
}

function cli(args: string[], url: string) {
  return run("npx", ["tsx", "--conditions=react-server", "scripts/archive.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    timeout: 90_000,
  });
}

const countUsers = (url: string) => withClient(url, async (c) => Number((await c.query(`SELECT count(*) AS n FROM "User"`)).rows[0].n));

let adminEmail: string;

beforeAll(async () => {
  await seedDemo(() => {});
  const admin = await createUser("admin");
  adminEmail = admin.email;
  const analyst = await createUser("analyst");
  const comparison = await createComparison({ createdById: analyst.id });
  const annotation = await createAnnotation(analyst, comparison, { submit: true, tags: ["archive"] });
  const parent = await addComment(admin, annotation.id, { body: "Parent comment" });
  await addComment(analyst, annotation.id, { body: "A reply, restored after its parent", parentId: parent.id });
  await db.notification.create({
    data: { userId: analyst.id, kind: "source_changed", message: "A source changed", annotationId: annotation.id },
  });
  const runRow = await db.sourceCheckRun.create({ data: { startedById: admin.id, status: "done", finishedAt: new Date() } });
  await db.sourceCheckItem.create({ data: { runId: runRow.id, sourceId: comparison.left.id, position: 0, status: "unchanged" } });
  await archiveWorkflowRows(comparison, annotation.id, analyst.id, admin.id);
});

/** Assessments, their reviews, a sign-off (bytes) and suggestions, so each of those tables round-trips with rows. */
async function archiveWorkflowRows(
  comparison: Awaited<ReturnType<typeof createComparison>>,
  annotationId: string,
  authorId: string,
  adminId: string,
) {
  const assessment = await db.assessment.create({
    data: {
      comparisonId: comparison.id,
      authorId,
      judgment: "Both sources agree on the date.",
      likelihood: "likely",
      confidence: "moderate",
      status: "in_review",
      version: 2,
      findings: { create: [{ annotationId, position: 0 }] },
    },
  });
  await db.assessmentReview.create({
    data: { assessmentId: assessment.id, reviewerId: adminId, decision: "request_changes", assessmentVersion: 1 },
  });
  await db.reportSignoff.create({
    data: {
      comparisonId: comparison.id,
      comparisonTitle: "Archived",
      signedById: adminId,
      signedByName: "Admin",
      signedByRole: "admin",
      scope: "approved",
      contentJson: "{}",
      contentSha256: "0".repeat(64),
      pdf: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]),
      pdfSha256: randomBytes(32).toString("hex"),
      pdfBytes: 6,
    },
  });
  const spanOf = (source: { id: string; text: string }) => ({ id: source.id, exact: source.text.slice(0, 10) });
  const [a, b] = [spanOf(comparison.left), spanOf(comparison.right)];
  await db.suggestion.create({
    data: {
      comparisonId: comparison.id,
      key: "k1",
      kind: "agreement",
      sourceAId: a.id,
      startA: 0,
      endA: 10,
      exactA: a.exact,
      sourceBId: b.id,
      startB: 0,
      endB: 10,
      exactB: b.exact,
      score: 0.75,
      reasons: ["same date"],
      engineVersion: "test",
    },
  });
  await db.suggestionDismissal.create({ data: { comparisonId: comparison.id, key: "k2", reason: "not relevant", dismissedById: adminId } });
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  for (const name of fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("workspace archive", () => {
  it("holds every table that has user data (a new table must be added to the list or excluded with a reason)", async () => {
    const tables = await withClient(sourceUrl, publicTables);
    const listed = [...archivedTables.map((table) => table.name), ...Object.keys(excludedTables)];
    expect(tables.filter((table) => !listed.includes(table))).toEqual([]);
  });

  it("round-trips: export, restore into a fresh database with the command, export again → the same content", async () => {
    const first = path.join(folder, "first.jsonl.gz");
    const { stdout: exported } = await cli(["export", first], sourceUrl);
    expect(exported).toContain("Wrote the workspace archive");
    const target = await freshDatabase();
    const { stdout } = await cli(["import", first, "--admin-email", adminEmail], target);
    expect(stdout).toMatch(/Restored \d+ User, \d+ Source, /);
    const password = /password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password).toBeTruthy();

    // The change feed's sequence continues after the restored audit events.
    const seq = await withClient(target, async (c) => {
      const { rows } = await c.query(`SELECT max("seq")::int AS last, nextval('"AuditEvent_seq_seq"')::int AS next FROM "AuditEvent"`);
      return rows[0] as { last: number; next: number };
    });
    expect(seq.next).toBeGreaterThan(seq.last);

    const a = gunzipSync(readFileSync(first)).toString("utf8").trimEnd().split("\n");
    const b = await exportTo(target, path.join(folder, "second.jsonl.gz"));
    const header = (line: string) => ({ ...JSON.parse(line), createdAt: null });
    expect(header(b[0]!)).toEqual(header(a[0]!));
    expect(b.slice(1, -1)).toEqual(a.slice(1, -1));
    expect(JSON.parse(b.at(-1)!).counts).toEqual(JSON.parse(a.at(-1)!).counts);
    for (const table of archivedTables) expect(JSON.parse(a.at(-1)!).counts[table.name], table.name).toBeGreaterThan(0);
    expect(a.join("\n")).not.toContain("passwordHash");

    // Nobody signs in with an old password; the named admin with the printed one.
    const hashes = await withClient(target, async (c) => (await c.query(`SELECT email, "passwordHash" FROM "User"`)).rows);
    for (const user of hashes) {
      if (user.email === adminEmail) expect(await verifyPassword(user.passwordHash, password!)).toBe(true);
      else expect(user.passwordHash).toBe("");
    }
  }, 180_000);

  it("refuses to restore into a database that is not empty", async () => {
    const file = path.join(folder, "again.jsonl.gz");
    await exportTo(sourceUrl, file);
    await expect(withClient(sourceUrl, (client) => restoreArchive(client, file))).rejects.toThrow(/Restore only into an empty instance/);
  });

  it("refuses truncated, partial, edited and newer archives, writing nothing", async () => {
    const good = path.join(folder, "good.jsonl.gz");
    const lines = await exportTo(sourceUrl, good);
    const target = await freshDatabase();
    const attempt = async (name: string, bytes: Buffer) => {
      const file = path.join(folder, name);
      writeFileSync(file, bytes);
      const error = await withClient(target, (client) => restoreArchive(client, file)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArchiveError);
      expect(await countUsers(target)).toBe(0);
      return (error as Error).message;
    };
    const gz = (text: string[]) => gzipSync(`${text.join("\n")}\n`);
    expect(lines[2]).toMatch(/"name": "/);
    const raw = readFileSync(good);
    expect(await attempt("cut.gz", raw.subarray(0, Math.floor(raw.length / 2)))).toMatch(/truncated/);
    expect(await attempt("no-end.gz", gz(lines.slice(0, -1)))).toMatch(/incomplete: it ends before its closing line/);
    expect(await attempt("partial.gz", gz([...lines.slice(0, 3), ...lines.slice(4)]))).toMatch(/partial/);
    expect(
      await attempt("edited.gz", gz(lines.map((line, i) => (i === 2 ? line.replace(/"name": "[^"]*"/, '"name": "Mallory"') : line)))),
    ).toMatch(/checksum/);
    const future = JSON.stringify({ ...JSON.parse(lines[0]!), version: 2 });
    expect(await attempt("future.gz", gz([future, ...lines.slice(1)]))).toMatch(/format version 2, written by a newer Parallax/);
    const unknown = JSON.stringify({
      ...JSON.parse(lines[0]!),
      migrations: [...JSON.parse(lines[0]!).migrations, "29991231000000_teleport"],
    });
    expect(await attempt("newer.gz", gz([unknown, ...lines.slice(1)]))).toMatch(/newer Parallax.*29991231000000_teleport/);
    expect(await attempt("plain.txt", Buffer.from("hello"))).toMatch(/not gzip/);
  });

  it("the command exits non-zero with the reason on a bad archive", async () => {
    const target = await freshDatabase();
    const file = path.join(folder, "bad.gz");
    writeFileSync(file, gzipSync('{"format":"parallax-archive","version":9}\n'));
    await expect(cli(["import", file], target)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("newer Parallax") });
    await expect(cli(["import", path.join(folder, "missing.gz")], target)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No archive"),
    });
  }, 120_000);
});
