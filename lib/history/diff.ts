// What one audit event changed on an annotation, field by field. Audit rows
// hold whole annotation views (create/update) or just status and version
// (submit, review), so a field counts as changed only when both sides name it
// or the event created the record.

export const trackedFields = ["status", "kind", "rationale", "confidence", "credibility", "tags", "spans"] as const;
export type TrackedField = (typeof trackedFields)[number];

export type SpanValue = { sourceId: string; start: number; end: number; exact: string };
export type FieldChange = { field: TrackedField; before: unknown; after: unknown };

type Snapshot = Record<string, unknown> | null | undefined;

function asRecord(value: unknown): Snapshot {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Spans compared by what they point at, not by their row ids (which change on every edit). */
function normalize(field: TrackedField, value: unknown): unknown {
  if (field !== "spans" || !Array.isArray(value)) return value;
  return value.map((span: Record<string, unknown>) => ({ sourceId: span.sourceId, start: span.start, end: span.end, exact: span.exact }));
}

export function diffSnapshots(beforeValue: unknown, afterValue: unknown): FieldChange[] {
  const before = asRecord(beforeValue);
  const after = asRecord(afterValue);
  const changes: FieldChange[] = [];
  for (const field of trackedFields) {
    const hasAfter = after !== null && after !== undefined && field in after;
    if (!hasAfter) continue;
    const isCreate = !before;
    if (!isCreate && !(field in before)) continue;
    const a = normalize(field, before?.[field]);
    const b = normalize(field, after[field]);
    if (isCreate || JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: isCreate ? null : a, after: b });
  }
  return changes;
}

export function versionOf(snapshot: unknown): number | null {
  const record = asRecord(snapshot);
  return typeof record?.version === "number" ? record.version : null;
}
