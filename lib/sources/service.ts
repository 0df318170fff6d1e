import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { canManageSource } from "@/lib/sources/access";
import { sourceSelect, toDay, toSourceView, type SourceSummary, type SourceView } from "@/lib/sources/views";
import { db, type Tx } from "@/lib/db";
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
 * Metadata can always change; the text only while no annotation points into
 * it. Only the source's creator and admins may change either. The row is
 * locked first: an annotation being created at the same moment holds a share
 * lock on it, so exactly one of the two wins (the edit then sees the span).
 */
export async function updateSource(
  actor: Actor,
  id: string,
  input: UpdateSourceInput | UntrustedInput,
  options: PrepareOptions = {},
): Promise<SourceSummary> {
  assertPermission(actor, "source.update");
  const data = parseInput(updateSourceSchema, input);
  const sourceId = assertId(id, "source");
  const isTextChange = [data.text, data.html, data.markdown, data.file].some((value) => value !== undefined);
  const prepared = isTextChange
    ? await prepareSource(
        { ...data, title: data.title, url: undefined, outlet: undefined, author: undefined, publishedAt: undefined, language: undefined },
        options,
      )
    : null;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Source" WHERE "id" = ${sourceId}::uuid FOR UPDATE`;
    const current = await tx.source.findUnique({ where: { id: sourceId }, select: { ...summarySelect, text: true } });
    if (!current) throw new AppError("not_found", "No source with this id.");
    if (!canManageSource(actor, current))
      throw new AppError("forbidden", "Only the person who imported this source (or an admin) may change it.");
    if (prepared && current._count.spans > 0 && prepared.text !== current.text) {
      throw new AppError("conflict", "This source's text is locked: annotations point into it. Its metadata can still change.", {
        errors: { text: "Text locked: annotated." },
      });
    }
    const updated = await tx.source.update({
      where: { id: sourceId },
      data: {
        title: data.title,
        outlet: data.outlet,
        author: data.author,
        url: data.url,
        publishedAt: data.publishedAt === undefined ? undefined : toDate(data.publishedAt),
        language: data.language,
        ...(prepared
          ? { text: prepared.text, rawContent: prepared.rawContent, rawFormat: prepared.rawFormat, contentHash: contentHash(prepared.text) }
          : {}),
      },
      select: summarySelect,
    });
    const { text: _text, ...before } = current;
    await recordAudit(tx, {
      actorId: actor.id,
      action: prepared ? "source.update_text" : "source.update",
      entityType: "source",
      entityId: sourceId,
      before: toSummary(before),
      after: toSummary(updated),
    });
    return toSummary(updated);
  });
}

function toDate(value: string | null | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
