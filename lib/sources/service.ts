import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { canManageSource } from "@/lib/sources/access";
import { sourceSelect, toDay, toSourceView, type SourceSummary, type SourceView } from "@/lib/sources/views";
import { db, type Tx } from "@/lib/db";
import { lockSource, recordVersion } from "@/lib/versions/record-version";
import { firstVersion } from "@/lib/versions/records";
import { prepareVersion } from "@/lib/versions/service";
import type { VersionOutcome } from "@/lib/versions/views";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

import { contentHash } from "./content-hash";
import { prepareSource, type PrepareOptions, type PreparedSource } from "./prepare";
import { sourceInputSchema, updateSourceSchema, type ParsedSourceInput, type SourceInput, type UpdateSourceInput } from "./schemas";

export type SourcePreview = Omit<PreparedSource, "rawContent">;

export type { SourceSummary };

const summarySelect = {
  id: true,
  title: true,
  outlet: true,
  author: true,
  url: true,
  publishedAt: true,
  language: true,
  rawFormat: true,
  createdAt: true,
  createdById: true,
  _count: { select: { spans: true } },
} satisfies Prisma.SourceSelect;

function toSummary(row: Prisma.SourceGetPayload<{ select: typeof summarySelect }>): SourceSummary {
  const { _count, publishedAt, createdAt, ...rest } = row;
  return {
    ...rest,
    publishedAt: toDay(publishedAt),
    createdAt: createdAt.toISOString(),
    isTextLocked: _count.spans > 0,
  };
}

/** Cleans an article and guesses its metadata without storing anything. */
export async function previewSource(
  actor: Actor,
  input: SourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<SourcePreview> {
  assertPermission(actor, "source.create");
  const { rawContent: _raw, fetchedUrl: _url, ...preview } = await prepareSource(parseInput(sourceInputSchema, input), options);
  return preview;
}

/** Parse + fetch + clean outside any transaction: network time must not hold a database connection. */
export async function prepareNewSource(
  input: SourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<{ data: ParsedSourceInput; prepared: PreparedSource }> {
  const data = parseInput(sourceInputSchema, input);
  return { data, prepared: await prepareSource(data, options) };
}

/** Stores a prepared source; the caller owns the transaction. */
export async function insertSource(
  tx: Tx,
  actor: Actor,
  data: ParsedSourceInput,
  prepared: PreparedSource,
  field = "title",
): Promise<SourceView> {
  const guesses = prepared.guesses;
  const title = data.title ?? guesses.title;
  if (!title) throw new AppError("unprocessable", "Give the source a title.", { errors: { [field]: "Give the source a title." } });
  const created = await tx.source.create({
    data: {
      title: title.slice(0, 300),
      outlet: data.outlet ?? guesses.outlet ?? null,
      author: data.author ?? guesses.author ?? null,
      url: prepared.fetchedUrl ?? data.url ?? guesses.url ?? null,
      publishedAt: toDate(data.publishedAt ?? guesses.publishedAt),
      language: data.language ?? guesses.language ?? "en",
      rawContent: prepared.rawContent,
      rawFormat: prepared.rawFormat,
      text: prepared.text,
      contentHash: contentHash(prepared.text),
      createdById: actor.id,
      versions: firstVersion({ ...prepared, contentHash: contentHash(prepared.text), createdById: actor.id }),
    },
    select: sourceSelect,
  });
  const view = toSourceView(created);
  const { text: _text, ...metadata } = view;
  await recordAudit(tx, {
    actorId: actor.id,
    action: "source.create",
    entityType: "source",
    entityId: created.id,
    after: { ...metadata, rawFormat: prepared.rawFormat, textChars: prepared.text.length },
  });
  return view;
}

export async function createSource(
  actor: Actor,
  input: SourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<SourceView & { removed: PreparedSource["removed"] }> {
  assertPermission(actor, "source.create");
  const { data, prepared } = await prepareNewSource(input, options);
  const view = await db.$transaction((tx) => insertSource(tx, actor, data, prepared));
  return { ...view, removed: prepared.removed };
}

export async function listSources(actor: Actor): Promise<SourceSummary[]> {
  assertPermission(actor, "comparison.read");
  const rows = await db.source.findMany({ orderBy: { createdAt: "desc" }, select: summarySelect, take: 500 });
  return rows.map(toSummary);
}

/**
 * Metadata can change at any time (the importer or an admin). New content
 * (`text`, `html`, `markdown`, `file`) becomes a new version of the source in
 * the same transaction, exactly as `POST /sources/:id/versions` would make it:
 * every annotation on the source is re-anchored onto it (lib/versions). The
 * row is locked first, so an annotation being created at the same moment
 * either lands before (and is re-anchored) or after (on the new text).
 */
export async function updateSource(
  actor: Actor,
  id: string,
  input: UpdateSourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<SourceSummary & { version?: VersionOutcome }> {
  assertPermission(actor, "source.update");
  const data = parseInput(updateSourceSchema, input);
  const sourceId = assertId(id, "source");
  const isTextChange = [data.text, data.html, data.markdown, data.file].some((value) => value !== undefined);
  const existing = isTextChange
    ? await db.source.findUnique({ where: { id: sourceId }, select: { title: true, createdById: true } })
    : null;
  if (existing && !canManageSource(actor, existing)) throw forbidden();
  const prepared = existing
    ? await prepareVersion(
        { title: data.title ?? existing.title, url: null },
        { text: data.text, html: data.html, markdown: data.markdown, file: data.file },
        options,
      )
    : null;
  return db.$transaction(async (tx) => {
    const locked = await lockSource(tx, sourceId);
    const current = await tx.source.findUniqueOrThrow({ where: { id: sourceId }, select: summarySelect });
    if (!canManageSource(actor, current)) throw forbidden();
    const updated = await tx.source.update({
      where: { id: sourceId },
      data: {
        title: data.title,
        outlet: data.outlet,
        author: data.author,
        url: data.url,
        publishedAt: data.publishedAt === undefined ? undefined : toDate(data.publishedAt),
        language: data.language,
      },
      select: summarySelect,
    });
    const version = prepared ? await recordVersion(tx, actor, { ...locked, title: updated.title }, prepared) : undefined;
    await recordAudit(tx, {
      actorId: actor.id,
      action: version?.changed ? "source.update_text" : "source.update",
      entityType: "source",
      entityId: sourceId,
      before: toSummary(current),
      after: { ...toSummary(updated), ...(version?.changed ? { versionNumber: version.version.number } : {}) },
    });
    return { ...toSummary(updated), ...(version ? { version } : {}) };
  });
}

function forbidden(): AppError {
  return new AppError("forbidden", "Only the person who imported this source (or an admin) may change it.");
}

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
