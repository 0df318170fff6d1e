import { z } from "@/lib/zod";

import { AppError } from "@/lib/errors";
import { parseInput, type UntrustedInput } from "@/lib/validation";

// Keyset ("cursor") pages for every list the API and the pages serve. A
// cursor names the last row of a page by its sort key and id; the next page
// is the rows strictly after it in (key, id) order, so rows inserted or
// removed meanwhile never shift a page (no duplicates, no gaps) and a deep
// page costs what the first one does. The cursor is opaque to clients:
// base64url of a small JSON pair, validated when it comes back.

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

/** The last row of a page: its sort key (an ISO date or a string) and its id. */
export type Cursor = { key: string; id: string };
export type PageRequest = { limit: number; after: Cursor | null };
export type Paged<T> = { items: T[]; nextCursor: string | null };
export type PageInput = { cursor?: string | null; limit?: number | string | null };

const BAD_CURSOR = "Not a cursor from a previous page of this list.";

/** A 400 naming `cursor`, for a cursor whose key a list cannot read. */
export function badCursor(): AppError {
  return new AppError("bad_request", `cursor: ${BAD_CURSOR}`, { errors: { cursor: BAD_CURSOR } });
}

const cursorPairSchema = z.tuple([z.string().max(320), z.uuid()]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), "utf8").toString("base64url");
}

/** The pair inside a cursor, or null when it is not one of ours. */
export function decodeCursor(value: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(value)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const pair = cursorPairSchema.safeParse(parsed);
  return pair.success ? { key: pair.data[0], id: pair.data[1].toLowerCase() } : null;
}

/** `cursor` and `limit` of every paged list; the OpenAPI document describes lists with it too. */
export const pageQuerySchema = z.object({
  cursor: z
    .string()
    .nullish()
    .transform((value, context): Cursor | null => {
      if (value === undefined || value === null || value === "") return null;
      const cursor = decodeCursor(value);
      if (!cursor) context.addIssue({ code: "custom", message: BAD_CURSOR });
      return cursor;
    })
    .describe("The `nextCursor` of the previous page; absent for the first page"),
  limit: z
    .preprocess(
      (value) => (value === undefined || value === null || value === "" ? PAGE_LIMIT_DEFAULT : Number(value)),
      z
        .number("A whole number from 1 to 200.")
        .int("A whole number from 1 to 200.")
        .min(1, "A whole number from 1 to 200.")
        .max(PAGE_LIMIT_MAX, `At most ${PAGE_LIMIT_MAX} per page.`),
    )
    .describe(`Items per page: a whole number from 1 to ${PAGE_LIMIT_MAX} (default ${PAGE_LIMIT_DEFAULT})`),
});

/** `cursor` and `limit` from a query (other keys are ignored); a bad one is a 400 naming it. */
export function parsePageRequest(input: PageInput | UntrustedInput | undefined): PageRequest {
  const { cursor, limit } = parseInput(pageQuerySchema, pickPageKeys(input));
  return { limit, after: cursor };
}

function pickPageKeys(input: unknown): PageInput {
  if (input === null || typeof input !== "object") return {};
  const { cursor, limit } = input as Record<string, unknown>;
  return { cursor, limit } as PageInput;
}

/**
 * The where-clause that keeps rows after the cursor in (field, id) order.
 * `toKey` turns the cursor's string back into the field's type (a Date for
 * timestamps); a key it cannot read yields null and the caller's parse fails.
 */
export function keysetAfter<W, K>(
  field: string,
  direction: "asc" | "desc",
  after: Cursor | null,
  toKey: (key: string) => K,
): W | undefined {
  if (!after) return undefined;
  const op = direction === "desc" ? "lt" : "gt";
  const key = toKey(after.key);
  return { OR: [{ [field]: { [op]: key } }, { [field]: key, id: { [op]: after.id } }] } as W;
}

/** The sort order that goes with `keysetAfter`. */
export function keysetOrder<O>(field: string, direction: "asc" | "desc"): O[] {
  return [{ [field]: direction }, { id: direction }] as O[];
}

/**
 * `keysetAfter` for a nullable sort key, nulls last: a null key travels in the
 * cursor as "" (use `nullableKey` when making the cursor).
 */
export function keysetAfterNullable<W, K>(
  field: string,
  direction: "asc" | "desc",
  after: Cursor | null,
  toKey: (key: string) => K,
): W | undefined {
  if (!after) return undefined;
  const op = direction === "desc" ? "lt" : "gt";
  if (after.key === "") return { [field]: null, id: { [op]: after.id } } as W;
  const key = toKey(after.key);
  return { OR: [{ [field]: { [op]: key } }, { [field]: key, id: { [op]: after.id } }, { [field]: null }] } as W;
}

export function keysetOrderNullable<O>(field: string, direction: "asc" | "desc"): O[] {
  return [{ [field]: { sort: direction, nulls: "last" } }, { id: direction }] as O[];
}

export function nullableKey(value: Date | null): string {
  return value ? value.toISOString() : "";
}

/** Rows were fetched with `take: limit + 1`: the extra one says whether a next page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Paged<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/** Cursor keys of timestamps are ISO strings; a cursor whose key is not one is a 400 naming `cursor`. */
export function dateKey(key: string): Date {
  const date = new Date(key);
  if (Number.isNaN(date.getTime())) throw badCursor();
  return date;
}
