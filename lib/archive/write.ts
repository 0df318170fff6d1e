// Writes a workspace archive: every archived table, row by row in primary key
// order (so the same data always gives the same archive body), as JSON lines
// with a SHA-256 trailer, gzip-compressed.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createGzip } from "node:zlib";

import type pg from "pg";

import { appliedMigrations, primaryKey, quoteIdent } from "./database";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type ArchiveHeader } from "./format";
import { archivedTables } from "./tables";

const BATCH = 1_000;

async function* tableLines(client: pg.ClientBase, table: (typeof archivedTables)[number]): AsyncGenerator<string> {
  const key = (await primaryKey(client, table.name)).map(quoteIdent).join(", ");
  const omit = (table.omit ?? []).map((column) => ` - '${column.replace(/'/g, "''")}'`).join("");
  for (let offset = 0; ; offset += BATCH) {
    const { rows } = await client.query<{ row: string }>(
      `SELECT (to_jsonb(t)${omit})::text AS row FROM ${quoteIdent(table.name)} t ORDER BY ${key} LIMIT ${BATCH} OFFSET ${offset}`,
    );
    for (const { row } of rows) yield `{"table":${JSON.stringify(table.name)},"row":${row}}\n`;
    if (rows.length < BATCH) return;
  }
}

/** The archive's lines, uncompressed; the client should hold a REPEATABLE READ transaction for a consistent snapshot. */
export async function* archiveLines(client: pg.ClientBase, createdAt = new Date()): AsyncGenerator<string> {
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  const header: ArchiveHeader = {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    createdAt: createdAt.toISOString(),
    migrations: await appliedMigrations(client),
    tables: archivedTables.map((table) => table.name),
  };
  const first = `${JSON.stringify(header)}\n`;
  hash.update(first);
  yield first;
  for (const table of archivedTables) {
    let count = 0;
    for await (const line of tableLines(client, table)) {
      hash.update(line);
      count += 1;
      yield line;
    }
    counts[table.name] = count;
  }
  yield `${JSON.stringify({ end: true, counts, sha256: hash.digest("hex") })}\n`;
}

/** The gzip-compressed archive as a Node stream, read from one consistent snapshot. Releases the client when done. */
export function archiveStream(client: pg.ClientBase, onDone: () => Promise<void> | void = () => {}): Readable {
  async function* snapshot() {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      yield* archiveLines(client);
      await client.query("COMMIT");
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      await onDone();
    }
  }
  return Readable.from(snapshot()).pipe(createGzip());
}
