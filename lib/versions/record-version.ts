import "server-only";

import type { AnnotationKind, AnnotationStatus } from "@/lib/annotations/schemas";
import { kindLabel } from "@/lib/annotations/state";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit, recordAudits } from "@/lib/audit/record";
import { annotationFeed } from "@/lib/live/notice";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createNotifications, type NewNotification } from "@/lib/notifications/service";
import { contentHash } from "@/lib/sources/content-hash";
import type { RawFormat } from "@/lib/sources/prepare";
import { reanchorSpans, summarizeReanchoring, type SpanAnchorUpdate, type StoredSpan } from "@/lib/versions/reanchor";
import type { VersionOrigin } from "@/lib/versions/records";
import { toVersionView, versionSelect, type VersionOutcome } from "@/lib/versions/views";

// The one transaction in which a source gets a new version: lock the source
// row (an annotation being created holds a share lock on it, so exactly one
// goes first and the other sees its result), store the version, make it the
// source's text, re-anchor every span of every annotation on the source, flag
// and notify, and write the audit rows — all or nothing.

export type NewVersion = { text: string; rawContent: string; rawFormat: RawFormat; origin: VersionOrigin };

export type LockedSource = { id: string; title: string; createdById: string | null; url: string | null };

export async function lockSource(tx: Tx, sourceId: string): Promise<LockedSource> {
  const rows = await tx.$queryRaw<LockedSource[]>`
    SELECT "id", "title", "createdById", "url" FROM "Source" WHERE "id" = ${sourceId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("not_found", "No source with this id.");
  return rows[0];
}

export async function recordVersion(tx: Tx, actor: Actor, source: LockedSource, input: NewVersion): Promise<VersionOutcome> {
  const latest = await tx.sourceVersion.findFirst({ where: { sourceId: source.id }, orderBy: { number: "desc" }, select: versionSelect });
  if (!latest) throw new AppError("not_found", "This source has no versions.");
  if (latest.text === input.text) return { changed: false, version: toVersionView(latest) };

  const hash = contentHash(input.text);
  const created = await tx.sourceVersion.create({
    data: { sourceId: source.id, number: latest.number + 1, ...input, contentHash: hash, createdById: actor.id },
    select: versionSelect,
  });
  await tx.source.update({
    where: { id: source.id },
    data: { text: input.text, rawContent: input.rawContent, rawFormat: input.rawFormat, contentHash: hash },
    select: { id: true },
  });

  // Raw SQL: thousands of rows, read once, faster than through the query engine.
  const spans = await tx.$queryRaw<StoredSpan[]>`
    SELECT "id", "annotationId", "versionId", "start", "end", "exact", "prefix", "suffix", "anchorStatus"::text AS "anchorStatus",
           "anchorStart", "anchorEnd", "anchorExact", "intactVersionId", "keptAt"
    FROM "Span" WHERE "sourceId" = ${source.id}::uuid`;
  const madeOn = [...new Set(spans.filter((span) => span.anchorStart === null).map((span) => span.versionId))];
  const versionTexts = new Map(
    (await tx.sourceVersion.findMany({ where: { id: { in: madeOn } }, select: { id: true, text: true } })).map((v) => [v.id, v.text]),
  );
  const updates = reanchorSpans({ spans, previous: latest, next: created, versionTexts });
  await writeAnchorUpdates(tx, updates);
  const summary = summarizeReanchoring(updates);
  const version = toVersionView(created);

  await recordAudit(tx, {
    actorId: actor.id,
    action: "source.version_create",
    entityType: "source",
    entityId: source.id,
    before: { number: latest.number, contentHash: latest.contentHash },
    after: { number: created.number, contentHash: hash, origin: input.origin, textChars: input.text.length, summary },
  });
  await flagAndNotify(tx, actor, source, created.number, spans, updates);
  return { changed: true, version, previousNumber: latest.number, summary };
}

/** One statement for all spans: a version of a long article may move thousands. */
async function writeAnchorUpdates(tx: Tx, updates: SpanAnchorUpdate[]): Promise<void> {
  if (updates.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Span" AS s SET
      "anchorStatus" = u.status::"AnchorStatus",
      "anchorStart" = u.start,
      "anchorEnd" = u.stop,
      "anchorExact" = u.exact,
      "intactVersionId" = u.intact,
      "keptAt" = CASE WHEN u.kept THEN s."keptAt" END,
      "keptById" = CASE WHEN u.kept THEN s."keptById" END
    FROM unnest(
      ${updates.map((u) => u.id)}::uuid[],
      ${updates.map((u) => u.anchorStatus)}::text[],
      ${updates.map((u) => u.anchorStart)}::int[],
      ${updates.map((u) => u.anchorEnd)}::int[],
      ${updates.map((u) => u.anchorExact)}::text[],
      ${updates.map((u) => u.intactVersionId)}::uuid[],
      ${updates.map((u) => u.isKept)}::boolean[]
    ) AS u(id, status, start, stop, exact, intact, kept)
    WHERE s."id" = u.id`;
}

type AffectedAnnotation = {
  id: string;
  comparisonId: string;
  kind: AnnotationKind;
  status: AnnotationStatus;
  authorId: string;
  reviews: Array<{ reviewerId: string }>;
};

/** Audit rows for every annotation whose passages changed state, and notices to its author and reviewers. */
async function flagAndNotify(
  tx: Tx,
  actor: Actor,
  source: LockedSource,
  versionNumber: number,
  spans: StoredSpan[],
  updates: SpanAnchorUpdate[],
): Promise<void> {
  const before = new Map(spans.map((span) => [span.id, span]));
  const changedState = updates.filter(
    (u) => u.anchorStatus !== before.get(u.id)!.anchorStatus || u.anchorExact !== before.get(u.id)!.anchorExact,
  );
  if (changedState.length === 0) return;
  const annotationIds = [...new Set(changedState.map((u) => u.annotationId))];
  const annotations: AffectedAnnotation[] = await tx.annotation.findMany({
    where: { id: { in: annotationIds } },
    select: { id: true, comparisonId: true, kind: true, status: true, authorId: true, reviews: { select: { reviewerId: true } } },
  });
  const spanChanges = (annotationId: string) => changedState.filter((u) => u.annotationId === annotationId);
  await recordAudits(
    tx,
    annotations.map((annotation) => ({
      actorId: actor.id,
      action: "annotation.reanchor" as const,
      entityType: "annotation" as const,
      entityId: annotation.id,
      comparisonId: annotation.comparisonId,
      before: { spans: spanChanges(annotation.id).map((u) => anchorState(before.get(u.id)!)) },
      after: { sourceId: source.id, versionNumber, spans: spanChanges(annotation.id).map((u) => ({ id: u.id, ...anchorState(u) })) },
      feed: annotationFeed({ id: annotation.id, author: { id: annotation.authorId } }, annotation.status, annotation.status),
    })),
  );
  const flagged = new Set(updates.filter((u) => u.isNewlyAffected).map((u) => u.annotationId));
  const notices: NewNotification[] = [];
  for (const annotation of annotations) {
    if (!flagged.has(annotation.id)) continue;
    // Drafts are private to their author; reviewers hear only of what they could see.
    const reviewers = annotation.status === "draft" ? [] : annotation.reviews.map((review) => review.reviewerId);
    const recipients = new Set([annotation.authorId, ...reviewers]);
    recipients.delete(actor.id);
    for (const userId of recipients) {
      const role = userId === annotation.authorId ? "you wrote" : "you reviewed";
      const message =
        `“${source.title}” changed (version ${versionNumber}): a passage of the ${kindLabel[annotation.kind].toLowerCase()} ` +
        `${role} changed or disappeared. Re-check it.`;
      notices.push({
        userId,
        kind: "annotation.recheck",
        message,
        annotationId: annotation.id,
        comparisonId: annotation.comparisonId,
        sourceId: source.id,
      });
    }
  }
  await createNotifications(tx, notices);
}

function anchorState(span: Pick<SpanAnchorUpdate, "anchorStatus" | "anchorStart" | "anchorEnd" | "anchorExact">) {
  return { status: span.anchorStatus, start: span.anchorStart, end: span.anchorEnd, exact: span.anchorExact };
}
