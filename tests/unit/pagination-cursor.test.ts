import { describe, expect, it } from "vitest";

import { decodeCursor, encodeCursor, parsePageRequest, toPage } from "@/lib/http/pagination";

const id = "3f2c1a9e-8b7d-4c6e-9f01-23456789abcd";

describe("page cursors", () => {
  it("round-trip a key and an id through an opaque URL-safe string", () => {
    const cursor = encodeCursor({ key: "2026-12-02T03:15:00.000Z", id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ key: "2026-12-02T03:15:00.000Z", id });
    expect(decodeCursor(encodeCursor({ key: "rtl-אבג@example.com", id }))).toEqual({ key: "rtl-אבג@example.com", id });
  });

  it("refuse anything that is not one of ours", () => {
    for (const value of ["", "!!", "e30", Buffer.from('["a","not-a-uuid"]').toString("base64url"), "x".repeat(700)]) {
      expect(decodeCursor(value)).toBeNull();
    }
  });

  it("read limit and cursor from a query, defaulting to 50, and name the bad field", () => {
    expect(parsePageRequest({})).toEqual({ limit: 50, after: null });
    expect(parsePageRequest({ limit: "200", cursor: encodeCursor({ key: "k", id }) })).toEqual({ limit: 200, after: { key: "k", id } });
    expect(() => parsePageRequest({ limit: "201" })).toThrow(/limit/);
    expect(() => parsePageRequest({ cursor: "nope!" })).toThrow(/cursor/);
  });

  it("give a next cursor only when the extra row shows there is more", () => {
    const rows = [1, 2, 3].map((n) => ({ n, id }));
    expect(toPage(rows, 3, (row) => ({ key: String(row.n), id: row.id })).nextCursor).toBeNull();
    const page = toPage(rows, 2, (row) => ({ key: String(row.n), id: row.id }));
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor!)).toEqual({ key: "2", id });
  });
});
