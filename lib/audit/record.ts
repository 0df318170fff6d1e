import "server-only";

import type { AuditAction, AuditEntityType } from "@/lib/audit/actions";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FeedFacts } from "@/lib/live/notice";

// Audit events are written inside the same transaction as the change they
// describe, so there is never a change without its record or vice versa.
// Each row is also the change feed's event: a trigger publishes it with
// pg_notify when the transaction commits (lib/live/notice.ts).

export type AuditInput = {
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  comparisonId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who may hear of an annotation change (its author, status before and after); see lib/live/notice.ts. */
  feed?: FeedFacts;
};

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Many events at once (a new source version can touch thousands of annotations). */
export async function recordAudits(tx: Tx, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.auditEvent.createMany({
    data: inputs.map((input) => ({
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      comparisonId: input.comparisonId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      feed: toJson(input.feed),
    })),
  });
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      comparisonId: input.comparisonId ?? null,
      before: toJson(input.before),
      after: toJson(input.after),
      feed: toJson(input.feed),
    },
  });
}
