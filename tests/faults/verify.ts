// Checks the ledger of the fault test against what the database holds. Every
// acknowledged write must be there with the acknowledged content: the latest
// in the annotation row, each earlier one in the audit event written in the
// same transaction (its `after` is the full annotation as acknowledged).
import pg from "pg";

import { contentOf, isSameContent, type Content, type Ledger, type SpanContent } from "./writers";

export type Verification = {
  acknowledged: number;
  found: number;
  lost: string[];
  committedWithoutAnswer: number;
  integrity: string[];
};

type Row = { id: string; kind: Content["kind"]; rationale: string; version: number; spans: SpanContent[] | null };
type AuditRow = {
  entityId: string;
  action: string;
  after: { version: number; kind: Content["kind"]; rationale: string; spans: SpanContent[] } | null;
};

export async function verifyLedger(connectionString: string, comparisonId: string, runTag: string, ledger: Ledger): Promise<Verification> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      `SELECT a.id, a.kind, a.rationale, a.version,
              (SELECT json_agg(json_build_object('sourceId', s."sourceId", 'start', s.start, 'end', s."end", 'exact', s.exact) ORDER BY s.position)
                 FROM "Span" s WHERE s."annotationId" = a.id) AS spans
         FROM "Annotation" a WHERE a."comparisonId" = $1 AND a.rationale LIKE $2`,
      [comparisonId, `${runTag} %`],
    );
    const { rows: audits } = await client.query<AuditRow>(
      `SELECT "entityId", action, after FROM "AuditEvent"
        WHERE "entityType" = 'annotation' AND "comparisonId" = $1 ORDER BY "createdAt", id`,
      [comparisonId],
    );
    return compare(rows, audits, ledger);
  } finally {
    await client.end();
  }
}

function compare(rows: Row[], audits: AuditRow[], ledger: Ledger): Verification {
  const result: Verification = { acknowledged: 0, found: 0, lost: [], committedWithoutAnswer: 0, integrity: [] };
  const rowsById = new Map(rows.map((row) => [row.id, row]));
  const auditsById = new Map<string, AuditRow[]>();
  for (const audit of audits) auditsById.set(audit.entityId, [...(auditsById.get(audit.entityId) ?? []), audit]);

  for (const [id, tracked] of ledger.annotations) {
    const row = rowsById.get(id);
    const history = auditsById.get(id) ?? [];
    for (const ack of tracked.acks) {
      result.acknowledged++;
      const event = history.find((audit) => audit.after?.version === ack.version);
      const isInAudit = event?.after ? isSameContent(contentOf(event.after), ack.content) : false;
      const isLatest = row !== undefined && row.version === ack.version;
      const isInRow = isLatest && isSameContent(contentOf({ ...row, spans: row.spans ?? [] }), ack.content);
      if (isInAudit && (!isLatest || isInRow)) result.found++;
      else
        result.lost.push(`${id} v${ack.version}: ${!row ? "annotation missing" : !isInAudit ? "no matching audit event" : "row differs"}`);
    }
    if (!row) continue;
    const lastAck = tracked.acks.at(-1)!;
    if (row.version < lastAck.version) result.lost.push(`${id}: version went back from ${lastAck.version} to ${row.version}`);
    const extra = row.version - lastAck.version;
    if (extra > 0) {
      // Edits that committed although their answer never arrived: they must be ones we sent.
      if (
        extra > tracked.unanswered.length ||
        !tracked.unanswered.some((content) => isSameContent(content, contentOf({ ...row, spans: row.spans ?? [] })))
      ) {
        result.integrity.push(`${id}: version ${row.version} holds content no writer sent`);
      }
      result.committedWithoutAnswer += extra;
    }
  }

  for (const row of rows) {
    if (!ledger.annotations.has(row.id)) {
      if (ledger.unansweredCreates.has(row.rationale)) result.committedWithoutAnswer++;
      else result.integrity.push(`${row.id}: an annotation nobody created`);
    }
    const history = auditsById.get(row.id) ?? [];
    if (!row.spans || row.spans.length === 0) result.integrity.push(`${row.id}: annotation without spans`);
    if (history.filter((audit) => audit.action === "annotation.create").length !== 1)
      result.integrity.push(`${row.id}: not exactly one create audit event`);
    // Exactly one update event per version 2..N: a duplicate would be a lost update.
    const versions = history
      .filter((audit) => audit.action === "annotation.update")
      .map((audit) => audit.after?.version ?? -1)
      .sort((a, b) => a - b);
    const expected = Array.from({ length: row.version - 1 }, (_, i) => i + 2);
    if (JSON.stringify(versions) !== JSON.stringify(expected)) {
      result.integrity.push(
        `${row.id}: update audit versions ${versions.join(",")} for version ${row.version} (expected 2..${row.version} once each)`,
      );
    }
  }
  return result;
}
