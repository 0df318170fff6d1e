import "server-only";

import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { statusLabel } from "@/lib/annotations/state";
import { db } from "@/lib/db";
import { diffSnapshots, type FieldChange } from "@/lib/history/diff";
import type { ReportAuditTrail, ReportHistoryEntry, ReportSource } from "@/lib/reports/types";

// The report's audit appendix, drawn from the audit table: each finding's
// events in order, and each source's metadata/text changes.

const actionWording: Record<string, string> = {
  "annotation.create": "Created",
  "annotation.update": "Edited",
  "annotation.submit": "Submitted for review",
  "annotation.withdraw": "Withdrawn from review",
  "annotation.approve": "Approved",
  "annotation.request_changes": "Changes requested",
  "annotation.reject": "Rejected",
  "source.create": "Imported",
  "source.update": "Details edited",
  "source.update_text": "Text replaced (new version)",
};

const MAX_VALUE = 240;

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string")) return value.length ? value.join(", ") : "none";
    return value
      .map((item: { exact?: unknown }) => (typeof item?.exact === "string" ? `“${item.exact}”` : JSON.stringify(item)))
      .join("; ");
  }
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

const fieldName: Record<string, string> = {
  status: "Status",
  kind: "Kind",
  rationale: "Rationale",
  confidence: "Confidence",
  credibility: "Credibility",
  tags: "Tags",
  spans: "Passages",
};

export function describeChanges(action: string, changes: FieldChange[]): string[] {
  // A creation lists nothing: the finding itself shows what it says now.
  if (action === "annotation.create") return [];
  const value = (field: string, raw: unknown) =>
    field === "status" && typeof raw === "string" && raw in statusLabel ? statusLabel[raw as AnnotationStatus] : show(raw);
  return changes.map(
    (change) => `${fieldName[change.field] ?? change.field}: ${value(change.field, change.before)} → ${value(change.field, change.after)}`,
  );
}

function sourceChanges(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return Object.keys(b)
    .filter((key) => key !== "id" && JSON.stringify(a[key]) !== JSON.stringify(b[key]) && key in a)
    .map((key) => `${key}: ${show(a[key])} → ${show(b[key])}`);
}

type EventRow = {
  action: string;
  entityId: string;
  createdAt: Date;
  before: unknown;
  after: unknown;
  actor: { name: string } | null;
};

function toEntry(event: EventRow, changes: string[]): ReportHistoryEntry {
  const after = event.after as Record<string, unknown> | null;
  return {
    at: event.createdAt,
    actor: event.actor?.name ?? null,
    action: actionWording[event.action] ?? event.action,
    changes,
    comment: typeof after?.comment === "string" && after.comment ? after.comment : null,
  };
}

const eventSelect = {
  action: true,
  entityId: true,
  createdAt: true,
  before: true,
  after: true,
  actor: { select: { name: true } },
} as const;

export async function loadAuditTrail(annotationIds: string[], sources: ReportSource[]): Promise<ReportAuditTrail> {
  const [annotationEvents, sourceEvents] = await Promise.all([
    annotationIds.length
      ? db.auditEvent.findMany({
          where: { entityType: "annotation", entityId: { in: annotationIds } },
          select: eventSelect,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      : [],
    db.auditEvent.findMany({
      where: { entityType: "source", entityId: { in: sources.map((s) => s.id) } },
      select: eventSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const byAnnotation = new Map<string, ReportHistoryEntry[]>(annotationIds.map((id) => [id, []]));
  for (const event of annotationEvents) {
    byAnnotation.get(event.entityId)?.push(toEntry(event, describeChanges(event.action, diffSnapshots(event.before, event.after))));
  }
  const bySource = new Map<string, ReportHistoryEntry[]>(sources.map((s) => [s.id, []]));
  for (const event of sourceEvents) {
    bySource.get(event.entityId)?.push(toEntry(event, event.action === "source.create" ? [] : sourceChanges(event.before, event.after)));
  }
  return {
    findings: annotationIds.map((annotationId) => ({ annotationId, entries: byAnnotation.get(annotationId)! })),
    sources: sources.map((source, sourceIndex) => ({ sourceIndex, entries: bySource.get(source.id)! })),
  };
}
