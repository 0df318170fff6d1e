// Restores a verified archive into an empty database in one transaction:
// either every row lands or none does.
import type pg from "pg";

import { appliedMigrations, columnsOf, quoteIdent } from "./database";
import { ArchiveError } from "./format";
import { readArchive, verifyArchive, type VerifiedArchive } from "./read";
import { archivedTables, type ArchivedTable } from "./tables";

const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

type Row = Record<string, unknown>;

/** Refuses a database that already holds any archived row: restoring merges nothing. */
export async function assertEmpty(client: pg.ClientBase): Promise<void> {
  const filled: string[] = [];
  for (const table of archivedTables) {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${quoteIdent(table.name)}`);
    const count = Number(rows[0]?.count ?? 0);
    if (count > 0) filled.push(`${count} ${table.name}`);
  }
  if (filled.length > 0) {
    throw new ArchiveError(
      `Restore only into an empty instance: this database already holds ${filled.join(", ")} row(s). Use a fresh database.`,
    );
  }
}

/** Parents before their replies (a reply is never restored before the row it points at). */
function parentsFirst(rows: Row[], column: string): Row[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered: Row[] = [];
  const placed = new Set<unknown>();
  const place = (row: Row, depth = 0) => {
    if (placed.has(row.id) || depth > rows.length) return;
    const parent = byId.get(row[column]);
    if (parent) place(parent, depth + 1);
    placed.add(row.id);
    ordered.push(row);
  };
  rows.forEach((row) => place(row));
  return ordered;
}

async function insertRows(client: pg.ClientBase, table: ArchivedTable, columns: readonly string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const present = columns
    .filter((column) => column in rows[0]!)
    .map(quoteIdent)
    .join(", ");
  await client.query(
    `INSERT INTO ${quoteIdent(table.name)} (${present}) SELECT ${present} FROM jsonb_populate_recordset(NULL::${quoteIdent(table.name)}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

async function restoreRows(client: pg.ClientBase, path: string): Promise<void> {
  const tables = new Map(archivedTables.map((table) => [table.name, table]));
  const columns = new Map<string, string[]>();
  for (const table of archivedTables) columns.set(table.name, await columnsOf(client, table.name));
  let current: ArchivedTable | null = null;
  let batch: Row[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!current) return;
    const rows = current.parentColumn ? parentsFirst(batch, current.parentColumn) : batch;
    await insertRows(client, current, columns.get(current.name)!, rows).catch((error: Error) => {
      throw new ArchiveError(`Restoring ${current!.name} failed (${error.message}); nothing was written.`);
    });
    batch = [];
    bytes = 0;
  };
  for await (const line of readArchive(path)) {
    if (line.kind !== "row") continue;
    const table = tables.get(line.row.table)!;
    if (table !== current) {
      await flush();
      current = table;
    }
    batch.push({ ...table.restoreDefaults, ...line.row.row });
    bytes += line.text.length;
    // A table with parent links is restored in one batch so its order can be fixed.
    if (!table.parentColumn && (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES)) await flush();
  }
  await flush();
}

/**
 * Sequences owned by restored columns (AuditEvent.seq, the change feed's
 * order) continue after the restored rows, as in the archived database.
 */
async function advanceSequences(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace AND n.nspname = 'public'
       JOIN pg_depend d ON d.objid = s.oid AND d.deptype IN ('a', 'i')
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
      WHERE s.relkind = 'S'`,
  );
  for (const { seq, tbl, col } of rows) {
    await client.query(`SELECT setval($1::regclass, COALESCE((SELECT max(${quoteIdent(col)}) FROM ${quoteIdent(tbl)}), 0) + 1, false)`, [
      quoteIdent(seq),
    ]);
  }
}

/** Verifies the archive, checks the database is empty, and restores everything in one transaction. */
export async function restoreArchive(client: pg.ClientBase, path: string): Promise<VerifiedArchive> {
  const verified = await verifyArchive(path, await appliedMigrations(client));
  await client.query("BEGIN");
  try {
    await assertEmpty(client);
    await restoreRows(client, path);
    await advanceSequences(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return verified;
}
