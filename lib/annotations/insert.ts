import "server-only";

import { randomUUID } from "node:crypto";

import type { LatestVersion } from "@/lib/annotations/latest-texts";
import type { SpanWrite } from "@/lib/annotations/transition";
import { toAnnotationView, type AnnotationRecord, type AnnotationView } from "@/lib/annotations/views";
import type { AuditAction } from "@/lib/audit/actions";
import type { Tx } from "@/lib/db";
import type { FeedFacts } from "@/lib/live/notice";

// A new annotation, its spans and its audit rows in ONE statement (data-
// modifying CTEs fed from a single jsonb parameter), and its view built from
// what was written instead of read back: the create path under load is
// bounded by round trips, and Prisma's nested create sends seven (insert,
// insert spans, then five selects to return the relations). Ids and times are
// made here so the audit rows can carry the finished view.

export type NewAnnotation = {
  comparisonId: string;
  author: { id: string; name: string };
  kind: AnnotationRecord["kind"];
  rationale: string;
  confidence: AnnotationRecord["confidence"];
  credibility: number | null;
  tags: string[];
  submit: boolean;
  spans: SpanWrite[];
  /** The latest version of each source, by source id (from lockComparisonTexts). */
  versions: ReadonlyMap<string, LatestVersion>;
};

/** `feed`: the change feed's facts of the row (lib/live/notice.ts). */
export type NewAudit = { action: AuditAction; before?: unknown; after: unknown; feed?: FeedFacts };

/** What the caller read of each source; the write happens only if all are still so (see the guard below). */
export type SeenSource = { id: string; contentHash: string; versionNumber: number };

/**
 * Writes the annotation and returns its view; null when `seen` is given and a
 * source's text changed since it was read (nothing is written then: read the
 * texts again, verify again, retry). Inside a transaction that already holds
 * the sources' locks, pass no `seen`.
 */
export async function insertAnnotation(
  client: Pick<Tx, "$executeRaw">,
  input: NewAnnotation,
  auditsFor: (view: AnnotationView) => NewAudit[],
  seen: SeenSource[] = [],
): Promise<AnnotationView | null> {
  const id = randomUUID();
  const now = new Date();
  const versionRef = (versionId: string) => {
    const version = [...input.versions.values()].find((entry) => entry.id === versionId);
    if (!version) throw new Error(`span on a version that is not the latest: ${versionId}`);
    return version;
  };
  const spans = input.spans.map((span) => ({ ...span, id: span.id ?? randomUUID() }));
  const record: AnnotationRecord = {
    id,
    comparisonId: input.comparisonId,
    kind: input.kind,
    rationale: input.rationale,
    confidence: input.confidence,
    credibility: input.credibility,
    tags: input.tags,
    status: input.submit ? "in_review" : "draft",
    version: 1,
    createdAt: now,
    updatedAt: now,
    submittedAt: input.submit ? now : null,
    decidedAt: null,
    author: input.author,
    spans: [...spans]
      .sort((a, b) => a.position - b.position)
      .map((span) => ({
        id: span.id,
        sourceId: span.sourceId,
        start: span.start,
        end: span.end,
        exact: span.exact,
        prefix: span.prefix,
        suffix: span.suffix,
        position: span.position,
        versionId: span.versionId,
        intactVersionId: span.intactVersionId,
        anchorStatus: span.anchorStatus,
        anchorStart: span.anchorStart,
        anchorEnd: span.anchorEnd,
        anchorExact: span.anchorExact,
        keptAt: null,
        keptById: null,
        version: versionRef(span.versionId),
        intactVersion: versionRef(span.intactVersionId),
      })),
  };
  const view = toAnnotationView(record);
  // Rows of one transaction share its time; a millisecond apart keeps the audit trail's order (create before submit).
  const audits = auditsFor(view).map((audit, index) => ({
    id: randomUUID(),
    action: audit.action,
    before: audit.before ?? null,
    after: audit.after,
    feed: audit.feed ?? null,
    createdAt: new Date(now.getTime() + index).toISOString(),
  }));
  const payload = JSON.stringify({
    annotation: { ...record, author: undefined, spans: undefined, authorId: input.author.id, createdAt: now.toISOString() },
    spans,
    audits,
    seen,
  });
  // The guard takes share locks on the sources read and checks they still
  // hold the same text (hash; under READ COMMITTED a row changed meanwhile is
  // re-checked in its new state) and no newer version: a concurrent new
  // version either waits for this statement, then re-anchors its spans, or
  // has committed and the guard fails.
  const written = await client.$executeRaw`
    WITH input AS (SELECT ${payload}::jsonb AS doc),
    guard AS (
      SELECT count(*) = jsonb_array_length((SELECT doc FROM input) -> 'seen') AS ok
      FROM (
        SELECT s."id"
        FROM "Source" s, input, jsonb_to_recordset(input.doc -> 'seen') AS x("id" uuid, "contentHash" text, "versionNumber" int)
        WHERE s."id" = x."id" AND s."contentHash" = x."contentHash"
          AND NOT EXISTS (SELECT 1 FROM "SourceVersion" v WHERE v."sourceId" = s."id" AND v."number" > x."versionNumber")
        FOR SHARE OF s
      ) locked
    ),
    annotation AS (
      INSERT INTO "Annotation" ("id", "comparisonId", "authorId", "kind", "rationale", "confidence", "credibility", "tags",
        "status", "version", "submittedAt", "createdAt", "updatedAt")
      SELECT a."id", a."comparisonId", a."authorId", a."kind"::"AnnotationKind", a."rationale", a."confidence"::"Confidence",
        a."credibility", a."tags", a."status"::"AnnotationStatus", 1,
        CASE WHEN a."status" = 'in_review' THEN a."createdAt" END, a."createdAt", a."createdAt"
      FROM input, guard, jsonb_to_record(input.doc -> 'annotation') AS a(
        "id" uuid, "comparisonId" uuid, "authorId" uuid, "kind" text, "rationale" text, "confidence" text,
        "credibility" int, "tags" text[], "status" text, "createdAt" timestamp(3))
      WHERE guard.ok
      RETURNING "id", "comparisonId"
    ),
    spans AS (
      INSERT INTO "Span" ("id", "annotationId", "sourceId", "versionId", "start", "end", "exact", "prefix", "suffix", "position",
        "anchorStatus", "anchorStart", "anchorEnd", "anchorExact", "intactVersionId")
      SELECT s."id", annotation."id", s."sourceId", s."versionId", s."start", s."end", s."exact", s."prefix", s."suffix", s."position",
        s."anchorStatus"::"AnchorStatus", s."anchorStart", s."anchorEnd", s."anchorExact", s."intactVersionId"
      FROM annotation, input, jsonb_to_recordset(input.doc -> 'spans') AS s(
        "id" uuid, "sourceId" uuid, "versionId" uuid, "start" int, "end" int, "exact" text, "prefix" text, "suffix" text,
        "position" int, "anchorStatus" text, "anchorStart" int, "anchorEnd" int, "anchorExact" text, "intactVersionId" uuid)
    )
    INSERT INTO "AuditEvent" ("id", "actorId", "action", "entityType", "entityId", "comparisonId", "before", "after", "feed", "createdAt")
    SELECT e."id", ${input.author.id}::uuid, e."action", 'annotation', annotation."id", annotation."comparisonId",
      NULLIF(e."before", 'null'::jsonb), e."after", NULLIF(e."feed", 'null'::jsonb), e."createdAt"
    FROM annotation, input, jsonb_to_recordset(input.doc -> 'audits') AS e("id" uuid, "action" text, "before" jsonb, "after" jsonb, "feed" jsonb, "createdAt" timestamp(3))`;
  return written > 0 ? view : null;
}
