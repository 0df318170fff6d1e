import "server-only";

import { randomUUID } from "node:crypto";

import { describeSpan } from "@/lib/anchoring/quote";
import type { LockedTexts } from "@/lib/annotations/latest-texts";
import type { Actor } from "@/lib/auth/actor";
import { recordAudits, type AuditInput } from "@/lib/audit/record";
import type { Tx } from "@/lib/db";
import { spanOnVersion } from "@/lib/versions/records";

import type { ItemPlan } from "./plan";
import type { ImportFormat, ImportSummary } from "./types";

// Writes the planned items as drafts of the importer, with their spans on the
// latest versions and one audit row each (`annotation.import`, origin in
// `after.origin`) plus one for the import — all in the caller's transaction.

const CHUNK = 500;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function writeImportedDrafts(
  tx: Tx,
  actor: Actor,
  comparisonId: string,
  locked: LockedTexts,
  plans: ItemPlan[],
  meta: { format: ImportFormat; summary: ImportSummary },
): Promise<Map<number, string>> {
  const ids = new Map<number, string>();
  const annotations = [];
  const spans = [];
  const audits: AuditInput[] = [];
  for (const plan of plans) {
    const id = randomUUID();
    ids.set(plan.item.index, id);
    const described = plan.spans!.map((span, position) => {
      const selector = describeSpan(locked.texts.get(span.sourceId)!, span.start, span.end);
      return { ...selector, sourceId: span.sourceId, position };
    });
    const fields = {
      kind: plan.item.kind!,
      rationale: plan.item.rationale,
      confidence: plan.item.confidence ?? "medium",
      credibility: plan.item.credibility,
      tags: plan.item.tags,
    };
    annotations.push({ id, comparisonId, authorId: actor.id, status: "draft" as const, ...fields });
    for (const span of described) spans.push({ annotationId: id, ...span, ...spanOnVersion(locked.versionIds.get(span.sourceId)!, span) });
    audits.push({
      actorId: actor.id,
      action: "annotation.import",
      entityType: "annotation",
      entityId: id,
      comparisonId,
      after: {
        ...fields,
        status: "draft",
        version: 1,
        spans: described.map(({ sourceId, start, end, exact }) => ({ sourceId, start, end, exact })),
        origin: { ...plan.item.origin, outcome: plan.report.outcome },
      },
    });
  }
  await inChunks(annotations, (data) => tx.annotation.createMany({ data }));
  await inChunks(spans, (data) => tx.span.createMany({ data }));
  audits.push({
    actorId: actor.id,
    action: "comparison.import",
    entityType: "comparison",
    entityId: comparisonId,
    comparisonId,
    after: meta,
  });
  await inChunks(audits, (chunk) => recordAudits(tx, chunk));
  return ids;
}
