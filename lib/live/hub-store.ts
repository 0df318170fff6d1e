import "server-only";

import postgres from "postgres";

import type { Role } from "@/lib/auth/permissions";
import type { PresenceRow } from "@/lib/live/presence-view";

// The reads the hub makes for every batch of events (who is still allowed,
// which comparisons a source is in, who is present), on two connections of
// its own: routing events never waits behind request traffic in the app's
// pool, and a burst of events never starves requests of connections.

export type Recipient = { id: string; name: string; role: Role; disabledAt: Date | null; sessionVersion: number };

export type HubStore = {
  readRecipients(ids: string[]): Promise<Recipient[]>;
  readSourceComparisons(sourceIds: string[]): Promise<Array<{ sourceId: string; comparisonId: string }>>;
  readPresence(comparisonId: string): Promise<PresenceRow[]>;
  close(): Promise<void>;
};

export function createHubStore(connectionString: string): HubStore {
  const sql = postgres(connectionString, { max: 2, idle_timeout: 60, connect_timeout: 5, onnotice: () => {} });
  return {
    async readRecipients(ids) {
      if (ids.length === 0) return [];
      return sql<
        Recipient[]
      >`SELECT "id"::text, "name", "role"::text AS "role", "disabledAt", "sessionVersion" FROM "User" WHERE "id" IN ${sql(ids)}`;
    },
    async readSourceComparisons(sourceIds) {
      if (sourceIds.length === 0) return [];
      return sql<Array<{ sourceId: string; comparisonId: string }>>`
        SELECT "sourceId"::text, "comparisonId"::text FROM "ComparisonSource" WHERE "sourceId" IN ${sql(sourceIds)}`;
    },
    async readPresence(comparisonId) {
      return sql<PresenceRow[]>`
        SELECT p."userId"::text, u."name", p."activity"::text AS "activity", p."annotationId"::text,
               a."status"::text AS "annotationStatus", a."authorId"::text AS "annotationAuthorId"
        FROM "Presence" p
        JOIN "User" u ON u."id" = p."userId" AND u."disabledAt" IS NULL
        LEFT JOIN "Annotation" a ON a."id" = p."annotationId" AND a."comparisonId" = p."comparisonId"
        WHERE p."comparisonId" = ${comparisonId}::uuid AND p."expiresAt" > now()
        ORDER BY p."createdAt"`;
    },
    close: () => sql.end({ timeout: 1 }),
  };
}
