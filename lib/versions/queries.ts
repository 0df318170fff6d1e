import "server-only";

import type { Tx } from "@/lib/db";

/** The id of each source's highest-numbered version. */
export async function latestVersionIds(tx: Tx, sourceIds: string[]): Promise<Map<string, string>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<Array<{ sourceId: string; id: string }>>`
    SELECT DISTINCT ON ("sourceId") "sourceId", "id" FROM "SourceVersion"
    WHERE "sourceId" = ANY(${sourceIds}::uuid[])
    ORDER BY "sourceId", "number" DESC`;
  return new Map(rows.map((row) => [row.sourceId, row.id]));
}
