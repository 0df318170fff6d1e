import "server-only";

import type { Readable } from "node:stream";

import pg from "pg";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";

import { archiveStream } from "./write";

/**
 * The whole workspace as a gzip-compressed archive, for an admin. The
 * download is audited before the first byte; the archive is read from one
 * consistent snapshot on a connection of its own, closed when it ends.
 */
export async function openWorkspaceArchive(actor: Actor): Promise<Readable> {
  assertPermission(actor, "workspace.archive");
  await db.$transaction((tx) =>
    recordAudit(tx, { actorId: actor.id, action: "workspace.archive_export", entityType: "workspace", entityId: actor.id }),
  );
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return archiveStream(client, () => client.end());
}
