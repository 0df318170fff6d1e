// Reads a workspace archive line by line (gunzip + readline: constant memory)
// and checks it whole before anything is restored: the format and version,
// migrations this instance knows, tables in order, row counts and the
// SHA-256 of everything before the closing line.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

import { ARCHIVE_FORMAT, ARCHIVE_VERSION, ArchiveError, type ArchiveHeader, type ArchiveTrailer } from "./format";
import { archivedTables } from "./tables";

export type ArchiveRow = { table: string; row: Record<string, unknown> };
export type ArchiveLine =
  | { kind: "header"; header: ArchiveHeader; text: string }
  | { kind: "row"; row: ArchiveRow; text: string }
  | { kind: "end"; trailer: ArchiveTrailer };

function parseLine(text: string, number: number): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ArchiveError(`The archive is damaged: line ${number} is not a JSON object.`);
}

/** Every line, classified; gzip and I/O failures become clear ArchiveErrors. */
export async function* readArchive(path: string): AsyncGenerator<ArchiveLine> {
  const gunzip = createGunzip();
  const file = createReadStream(path);
  file.on("error", (error) => gunzip.destroy(error));
  const lines = createInterface({ input: file.pipe(gunzip), crlfDelay: Infinity });
  // Errors after the reader stopped early (a refused header) must not go unhandled.
  lines.on("error", () => {});
  let number = 0;
  try {
    for await (const text of lines) {
      number += 1;
      const value = parseLine(text, number);
      if (number === 1) yield { kind: "header", header: value as unknown as ArchiveHeader, text };
      else if (value.end === true) yield { kind: "end", trailer: value as unknown as ArchiveTrailer };
      else yield { kind: "row", row: value as unknown as ArchiveRow, text };
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new ArchiveError(`No archive at ${path}.`);
    if (code === "Z_BUF_ERROR") throw new ArchiveError("The archive is truncated: its compressed data ends early. Use a complete copy.");
    if (code === "Z_DATA_ERROR") throw new ArchiveError("Not a Parallax archive, or a damaged one: the file is not gzip data.");
    throw error;
  } finally {
    lines.close();
    gunzip.destroy();
    file.destroy();
  }
}

function checkHeader(header: ArchiveHeader, knownMigrations: readonly string[]): void {
  if (header?.format !== ARCHIVE_FORMAT) throw new ArchiveError("Not a Parallax archive: its first line does not say parallax-archive.");
  if (typeof header.version !== "number" || header.version > ARCHIVE_VERSION) {
    throw new ArchiveError(
      `This archive is in format version ${header.version}, written by a newer Parallax; this one reads version ${ARCHIVE_VERSION}. Upgrade Parallax first.`,
    );
  }
  const unknownMigrations = (header.migrations ?? []).filter((name) => !knownMigrations.includes(name));
  if (unknownMigrations.length > 0) {
    throw new ArchiveError(
      `This archive comes from a newer Parallax: its database has migration(s) ${unknownMigrations.join(", ")} that this one does not know. Upgrade Parallax first.`,
    );
  }
  const known = archivedTables.map((table) => table.name);
  const unknownTables = (header.tables ?? []).filter((name) => !known.includes(name));
  if (unknownTables.length > 0)
    throw new ArchiveError(`This archive holds table(s) this Parallax does not know: ${unknownTables.join(", ")}. Upgrade first.`);
}

export type VerifiedArchive = { header: ArchiveHeader; counts: Record<string, number> };

/** Reads the whole archive once and refuses it unless it is complete, intact and from this version or an older one. */
export async function verifyArchive(path: string, knownMigrations: readonly string[]): Promise<VerifiedArchive> {
  const hash = createHash("sha256");
  const counts: Record<string, number> = {};
  let header: ArchiveHeader | null = null;
  let trailer: ArchiveTrailer | null = null;
  let tableIndex = 0;
  for await (const line of readArchive(path)) {
    if (trailer) throw new ArchiveError("The archive is damaged: there is data after its closing line.");
    if (line.kind === "header") {
      checkHeader(line.header, knownMigrations);
      header = line.header;
      hash.update(`${line.text}\n`);
    } else if (line.kind === "row") {
      const index = header!.tables.indexOf(line.row.table);
      if (index < tableIndex || typeof line.row.row !== "object")
        throw new ArchiveError(`The archive is damaged: a row of ${line.row.table} is out of place.`);
      tableIndex = index;
      counts[line.row.table] = (counts[line.row.table] ?? 0) + 1;
      hash.update(`${line.text}\n`);
    } else {
      trailer = line.trailer;
    }
  }
  if (!header) throw new ArchiveError("The archive is empty.");
  if (!trailer) throw new ArchiveError("The archive is incomplete: it ends before its closing line (a truncated or partial copy).");
  for (const table of header.tables) {
    if ((trailer.counts?.[table] ?? 0) !== (counts[table] ?? 0)) {
      throw new ArchiveError(
        `The archive is partial: it should hold ${trailer.counts?.[table] ?? 0} row(s) of ${table} but holds ${counts[table] ?? 0}.`,
      );
    }
  }
  if (hash.digest("hex") !== trailer.sha256) throw new ArchiveError("The archive is damaged: its checksum does not match its content.");
  return { header, counts };
}
