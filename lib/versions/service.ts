import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { badCursor, parsePageRequest, toPage, type PageInput, type Paged } from "@/lib/http/pagination";
import { prepareSource, type PrepareOptions } from "@/lib/sources/prepare";
import type { ParsedSourceInput } from "@/lib/sources/schemas";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";
import { canAddSourceVersion } from "@/lib/versions/access";
import { diffTexts, type TextDiff } from "@/lib/versions/diff";
import { lockSource, recordVersion, type LockedSource, type NewVersion } from "@/lib/versions/record-version";
import type { VersionOrigin } from "@/lib/versions/records";
import { newVersionSchema, versionNumberSchema, type NewVersionInput } from "@/lib/versions/schemas";
import { toVersionView, versionSelect, type VersionOutcome, type VersionView, type VersionWithText } from "@/lib/versions/views";

// Reading and adding source versions. Fetching and cleaning happen before the
// transaction (network time must not hold a connection or a lock); the
// transaction then locks the source and re-checks who may add a version.

function forbidden(): AppError {
  return new AppError("forbidden", "Only the person who imported this source (or an admin) may add versions of it.");
}

async function findSource(sourceId: string) {
  const source = await db.source.findUnique({ where: { id: sourceId }, select: { id: true, title: true, url: true, createdById: true } });
  if (!source) throw new AppError("not_found", "No source with this id.");
  return source;
}

export type VersionedSource = {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  createdById: string | null;
  comparisons: Array<{ id: string; title: string }>;
};

/** The source as the versions pages show it: metadata and the comparisons it is in. */
export async function getVersionedSource(actor: Actor, id: string): Promise<VersionedSource> {
  assertPermission(actor, "comparison.read");
  const source = await db.source.findUnique({
    where: { id: assertId(id, "source") },
    select: {
      id: true,
      title: true,
      outlet: true,
      url: true,
      createdById: true,
      comparisons: { select: { comparison: { select: { id: true, title: true } } }, orderBy: { addedAt: "asc" } },
    },
  });
  if (!source) throw new AppError("not_found", "No source with this id.");
  return { ...source, comparisons: source.comparisons.map((entry) => entry.comparison) };
}

type VersionRow = Omit<VersionView, "createdAt" | "createdBy"> & { createdAt: Date; userId: string | null; userName: string | null };

/** Versions of a source, newest first: those numbered below `below` when given, at most `take` when given. */
async function versionRows(sourceId: string, below: number | null, take: number | null): Promise<VersionView[]> {
  // Lengths are computed in the database: the texts themselves stay there.
  const rows = await db.$queryRaw<VersionRow[]>`
    SELECT v."id", v."sourceId", v."number", v."contentHash", v."origin"::text AS "origin", v."rawFormat"::text AS "rawFormat",
           v."createdAt", length(v."text")::int AS "textChars", u."id" AS "userId", u."name" AS "userName"
    FROM "SourceVersion" v LEFT JOIN "User" u ON u."id" = v."createdById"
    WHERE v."sourceId" = ${sourceId}::uuid ${below === null ? Prisma.empty : Prisma.sql`AND v."number" < ${below}`}
    ORDER BY v."number" DESC ${take === null ? Prisma.empty : Prisma.sql`LIMIT ${take}`}`;
  return rows.map(({ userId, userName, createdAt, ...row }) => ({
    ...row,
    createdAt: createdAt.toISOString(),
    createdBy: userId ? { id: userId, name: userName ?? "" } : null,
  }));
}

/** Every version (the workbench's version picker); lists shown to people or scripts use `listVersionsPage`. */
export async function listVersions(actor: Actor, id: string): Promise<VersionView[]> {
  assertPermission(actor, "comparison.read");
  const sourceId = assertId(id, "source");
  await findSource(sourceId);
  return versionRows(sourceId, null, null);
}

/** A version number as a cursor key; anything else is a 400 naming `cursor`. */
function numberKey(key: string): number {
  const parsed = versionNumberSchema.safeParse(key);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

/** One page of a source's versions, newest first (`cursor`, `limit`). */
export async function listVersionsPage(actor: Actor, id: string, page?: PageInput | UntrustedInput): Promise<Paged<VersionView>> {
  assertPermission(actor, "comparison.read");
  const sourceId = assertId(id, "source");
  const { limit, after } = parsePageRequest(page);
  await findSource(sourceId);
  const rows = await versionRows(sourceId, after ? numberKey(after.key) : null, limit + 1);
  return toPage(rows, limit, (version) => ({ key: String(version.number), id: version.id }));
}

export async function getVersion(actor: Actor, id: string, number: string | number): Promise<VersionWithText> {
  assertPermission(actor, "comparison.read");
  const sourceId = assertId(id, "source");
  const parsed = versionNumberSchema.safeParse(number);
  if (!parsed.success) throw new AppError("not_found", "No version with this number.");
  const row = await db.sourceVersion.findUnique({ where: { sourceId_number: { sourceId, number: parsed.data } }, select: versionSelect });
  if (!row) throw new AppError("not_found", "No version with this number.");
  return { ...toVersionView(row), text: row.text };
}

export type VersionDiff = { source: { id: string; title: string }; from: VersionView; to: VersionView } & TextDiff;

export async function diffVersions(actor: Actor, id: string, a: string | number, b: string | number): Promise<VersionDiff> {
  const [from, to] = await Promise.all([getVersion(actor, id, a), getVersion(actor, id, b)]);
  const source = await findSource(from.sourceId);
  const { text: fromText, ...fromView } = from;
  const { text: toText, ...toView } = to;
  return { source: { id: source.id, title: source.title }, from: fromView, to: toView, ...diffTexts(fromText, toText) };
}

type PreparedVersion = NewVersion;

/** Cleans new content exactly as an import would (same pipeline, same limits), with the source's title for headline removal. */
export async function prepareVersion(
  source: { title: string; url: string | null },
  data: ParsedSourceInput & { refetch?: true },
  options: PrepareOptions = {},
): Promise<PreparedVersion> {
  const given = (["text", "html", "markdown", "file"] as const).filter((key) => data[key] !== undefined);
  if (data.refetch && given.length > 0) {
    throw new AppError("unprocessable", "Either re-fetch the source's URL or give new content, not both.", {
      errors: { refetch: "Give either refetch or new content." },
    });
  }
  if (data.refetch && !source.url) {
    throw new AppError("unprocessable", "This source has no URL to re-fetch; paste or upload the new version instead.", {
      errors: { refetch: "The source has no URL." },
    });
  }
  const input: ParsedSourceInput = data.refetch ? { url: source.url! } : { ...data, url: undefined };
  const prepared = await prepareSource({ ...input, title: source.title }, options);
  const origin: VersionOrigin = data.refetch ? "refetch" : data.file ? "upload" : "paste";
  return { text: prepared.text, rawContent: prepared.rawContent, rawFormat: prepared.rawFormat, origin };
}

/** Locks the source, re-checks the actor may add versions, and records the version (or nothing, if the text is the same). */
export async function recordVersionAs(tx: Tx, actor: Actor, sourceId: string, prepared: PreparedVersion): Promise<VersionOutcome> {
  const source: LockedSource = await lockSource(tx, sourceId);
  if (!canAddSourceVersion(actor, source)) throw forbidden();
  return recordVersion(tx, actor, source, prepared);
}

export async function addVersion(
  actor: Actor,
  id: string,
  input: NewVersionInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<VersionOutcome> {
  assertPermission(actor, "source.update");
  const sourceId = assertId(id, "source");
  const data = parseInput(newVersionSchema, input);
  const source = await findSource(sourceId);
  // Checked before fetching too, so nobody makes the server fetch on a source that is not theirs.
  if (!canAddSourceVersion(actor, source)) throw forbidden();
  const prepared = await prepareVersion(source, data, options);
  return db.$transaction((tx) => recordVersionAs(tx, actor, sourceId, prepared), { timeout: 60_000 });
}
