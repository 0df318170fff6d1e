// The workspace archive format, version 1: gzip-compressed JSON lines.
//   line 1   {"format":"parallax-archive","version":1,"createdAt":…,"migrations":[…],"tables":[…]}
//   rows     {"table":"User","row":{…}}   (tables in restore order, rows by primary key)
//   last     {"end":true,"counts":{"User":4,…},"sha256":"…"}
// The SHA-256 covers every byte before the last line (uncompressed), so a
// truncated, partial or edited archive is refused before anything is written.

export const ARCHIVE_FORMAT = "parallax-archive";
export const ARCHIVE_VERSION = 1;

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  /** The migrations applied to the database the archive was made from, oldest first. */
  migrations: string[];
  tables: string[];
};

export type ArchiveTrailer = { end: true; counts: Record<string, number>; sha256: string };

/** A refusal with a message for the person running the command or pressing the button. */
export class ArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArchiveError";
  }
}
