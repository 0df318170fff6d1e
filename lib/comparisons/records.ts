import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { assertPermission } from "@/lib/auth/actor";
import { canManageComparison } from "@/lib/comparisons/access";
import { positionLetter, type ComparisonRecord } from "@/lib/comparisons/views";
import type { Tx } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PrepareOptions } from "@/lib/sources/prepare";
import type { ParsedSourceInput } from "@/lib/sources/schemas";
import { insertSource, prepareNewSource } from "@/lib/sources/service";

// Pieces shared by the comparison services: the record shape lists show, the
// ownership check, and importing a list of sources where each entry is an
// existing source or a new one.

export const recordSelect = {
  id: true,
  title: true,
  question: true,
  archivedAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
  sources: {
    select: { position: true, label: true, reliability: true, source: { select: { id: true, title: true, outlet: true } } },
    orderBy: { position: "asc" },
  },
} satisfies Prisma.ComparisonSelect;

export function toRecord(row: Prisma.ComparisonGetPayload<{ select: typeof recordSelect }>): ComparisonRecord {
  const { sources, archivedAt, createdAt, ...rest } = row;
  return {
    ...rest,
    archivedAt: archivedAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    sources: sources.map(({ source, position, label, reliability }) => ({
      ...source,
      label: label ?? positionLetter(position),
      reliability,
    })),
  };
}

export function assertCanManage(actor: Actor, comparison: { createdBy: { id: string } | null }): void {
  if (!canManageComparison(actor, comparison)) {
    throw new AppError("forbidden", "Only the person who created this comparison (or an admin) may change it.");
  }
}

/** Runs an import step, renaming its field errors into the entry's ("text" → "sources.2.text"). */
export async function withEntryPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const errors = Object.fromEntries(
      Object.entries(error.errors ?? { _: error.message }).map(([key, message]) => [key === "_" ? prefix : `${prefix}.${key}`, message]),
    );
    throw new AppError(error.code, `Source ${positionLetter(Number(prefix.split(".").pop()) || 0)}: ${error.message}`, {
      errors,
      extra: error.extra,
    });
  }
}

type Entry = ({ sourceId: string } | ParsedSourceInput) & { label?: string | null };

/** An entry ready to store: `resolve` returns its source id inside the transaction. */
export type PreparedEntry = { label: string | null | undefined; resolve: (tx: Tx) => Promise<string> };

/**
 * Imports the new sources of a list (fetching URLs, cleaning text) before any
 * transaction opens: network time must not hold a database connection.
 */
export async function importEntries(actor: Actor, entries: Entry[], field: string, options: PrepareOptions): Promise<PreparedEntry[]> {
  return Promise.all(
    entries.map(async (entry, index): Promise<PreparedEntry> => {
      const prefix = `${field}.${index}`;
      if ("sourceId" in entry && typeof entry.sourceId === "string") {
        const sourceId = entry.sourceId;
        return {
          label: entry.label,
          resolve: async (tx) => {
            const found = await tx.source.findUnique({ where: { id: sourceId }, select: { id: true } });
            if (!found) throw new AppError("unprocessable", "No source with this id.");
            return found.id;
          },
        };
      }
      assertPermission(actor, "source.create");
      const { label, ...input } = entry as ParsedSourceInput & { label?: string | null };
      const ready = await withEntryPrefix(prefix, () => prepareNewSource(input, options));
      return { label, resolve: async (tx) => (await insertSource(tx, actor, ready.data, ready.prepared)).id };
    }),
  );
}
