import "server-only";

import { z } from "@/lib/zod";

import { isAuthorOrAdmin } from "@/lib/annotations/access";
import { lockComparisonTexts, verifyOnLatest } from "@/lib/annotations/latest-texts";
import { lockAnnotation } from "@/lib/annotations/records";
import { applyAnnotationEvent, conflictError, type SpanWrite } from "@/lib/annotations/transition";
import { annotationSelect, toAnnotationView, type AnnotationRecord, type AnnotationView, type SpanRecord } from "@/lib/annotations/views";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { annotationFeed } from "@/lib/live/notice";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Resolving a passage that a new source version changed or orphaned:
// - "reselect": the analyst selects the passage again in the latest version.
//   That changes what the finding quotes, so it is an edit through
//   applyAnnotationEvent (version check, state table, history): like any
//   edit it turns an approved annotation back into a draft that must be
//   submitted and approved again, and an annotation in review must be
//   withdrawn first.
// - "keep": the finding stands on the version the passage was made on. The
//   quote does not change, so status and approval stay; the decision is
//   recorded (who, when) and clears the re-check flag for that passage.

const resolveSchema = z.discriminatedUnion(
  "action",
  [
    z
      .object({
        action: z.literal("reselect"),
        version: z.number().int().min(1),
        start: z.number().int().min(0),
        end: z.number().int().min(0),
        exact: z.string().min(1).max(20_000),
      })
      .strict(),
    z.object({ action: z.literal("keep"), version: z.number().int().min(1) }).strict(),
  ],
  "Choose action reselect or keep.",
);
export type ResolveSpanInput = z.input<typeof resolveSchema>;

function findSpan(current: AnnotationRecord, spanId: string): SpanRecord {
  const span = current.spans.find((candidate) => candidate.id === spanId);
  if (!span) throw new AppError("not_found", "This annotation has no passage with this id.");
  if (span.anchorStatus === "unchanged") {
    throw conflictError("This passage is unchanged in the latest version; there is nothing to resolve.", toAnnotationView(current));
  }
  return span;
}

function assertCanResolve(actor: Actor, current: AnnotationRecord): void {
  if (!isAuthorOrAdmin(actor, current)) throw new AppError("forbidden", "Only the author (or an admin) may resolve this passage.");
}

function storedWrite(span: SpanRecord): SpanWrite {
  const { version: _version, intactVersion: _intact, ...columns } = span;
  return columns;
}

function overlaps(a: { start: number; end: number }, b: { anchorStart: number | null; anchorEnd: number | null }): boolean {
  return b.anchorStart !== null && b.anchorEnd !== null && a.start < b.anchorEnd && b.anchorStart < a.end;
}

export async function resolveSpan(
  actor: Actor,
  annotationId: string,
  spanIdParam: string,
  input: ResolveSpanInput | UntrustedInput,
): Promise<AnnotationView> {
  assertPermission(actor, "annotation.create");
  const data = parseInput(resolveSchema, input);
  const spanId = assertId(spanIdParam, "passage");
  if (data.action === "keep") return keepSpan(actor, annotationId, spanId, data.version);
  return db.$transaction(async (tx) => {
    const { after } = await applyAnnotationEvent(tx, actor, {
      id: annotationId,
      event: "edit",
      version: data.version,
      authorize: (current) => {
        assertCanResolve(actor, current);
        findSpan(current, spanId);
      },
      spans: async (current) => {
        const target = findSpan(current, spanId);
        const [fresh] = verifyOnLatest(
          "note",
          [{ sourceId: target.sourceId, start: data.start, end: data.end, exact: data.exact }],
          await lockComparisonTexts(tx, current.comparisonId),
        );
        const clash = current.spans.find((span) => span.id !== spanId && span.sourceId === target.sourceId && overlaps(fresh!, span));
        if (clash)
          throw new AppError("unprocessable", "This passage overlaps another passage of the same annotation.", {
            errors: { start: "Overlaps another passage." },
          });
        return current.spans.map((span) => (span.id === spanId ? { ...fresh!, id: span.id, position: span.position } : storedWrite(span)));
      },
      record: async () => ({ resolution: { action: "reselect", spanId } }),
    });
    return after;
  });
}

async function keepSpan(actor: Actor, annotationId: string, spanId: string, version: number): Promise<AnnotationView> {
  return db.$transaction(async (tx) => {
    const current = await lockAnnotation(tx, actor, annotationId);
    assertCanResolve(actor, current);
    if (current.version !== version) {
      throw conflictError(
        `This annotation changed since you loaded it (you had version ${version}, it is now ${current.version}).`,
        toAnnotationView(current),
      );
    }
    const span = findSpan(current, spanId);
    if (span.keptAt) throw conflictError("This passage is already kept on the version it was made on.", toAnnotationView(current));
    const keptAt = new Date();
    await tx.span.update({ where: { id: span.id }, data: { keptAt, keptById: actor.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "annotation.span_keep",
      entityType: "annotation",
      entityId: current.id,
      comparisonId: current.comparisonId,
      before: { spanId, status: span.anchorStatus, keptAt: null },
      after: { spanId, status: span.anchorStatus, keptAt: keptAt.toISOString(), versionNumber: span.version.number, exact: span.exact },
      feed: annotationFeed(current, current.status, current.status),
    });
    return toAnnotationView(await tx.annotation.findUniqueOrThrow({ where: { id: current.id }, select: annotationSelect }));
  });
}
