// Offset pages for lists shown in pages (the evidence matrix): a page number
// read leniently from a query string, and one page of a list with its counts.
// Cursor pagination of the API lists is a separate, later change.

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number; pageSize: number };

/** "3" → 3; anything that is not a whole number from 1 up → 1. */
export function parsePageNumber(value: string | string[] | undefined): number {
  const number = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(number) && number > 0 ? number : 1;
}

/** The requested page of `items`; a page past the end gives the last page. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { items: items.slice((current - 1) * pageSize, current * pageSize), page: current, pageCount, total: items.length, pageSize };
}
