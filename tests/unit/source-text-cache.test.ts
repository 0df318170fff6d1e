// The source-text cache that lets an annotation write skip re-reading long
// texts: it must never hand out a text whose content hash changed, and it must
// stay within its size whatever the number of sources.
import { describe, expect, it } from "vitest";

import { contentHash } from "@/lib/sources/content-hash";
import { createSourceTextCache, type SourceText } from "@/lib/sources/text-cache";

const source = (id: string, text: string): SourceText => ({ id, text, contentHash: contentHash(text) });

function loaderOf(rows: SourceText[]) {
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push(ids);
    return rows.filter((row) => ids.includes(row.id));
  };
  return { load, calls };
}

describe("source text cache", () => {
  it("reads a text once, then serves it without loading", async () => {
    const cache = createSourceTextCache();
    const a = source("a", "Wagner left Bamako.");
    const b = source("b", "Africa Corps stays.");
    const { load, calls } = loaderOf([a, b]);
    const first = await cache.read([a, b], load);
    const second = await cache.read([a, b], load);
    expect(first.get("a")).toBe(a.text);
    expect(second.get("b")).toBe(b.text);
    expect(calls).toEqual([["a", "b"]]);
  });

  it("misses when the content hash changed, so an edited text is never served stale", async () => {
    const cache = createSourceTextCache();
    const before = source("a", "first version");
    const after = source("a", "second version");
    await cache.read([before], loaderOf([before]).load);
    const { load, calls } = loaderOf([after]);
    expect((await cache.read([after], load)).get("a")).toBe("second version");
    expect(calls).toEqual([["a"]]);
  });

  it("does not keep a text whose hash differs from the one the caller read", async () => {
    const cache = createSourceTextCache();
    const expected = source("a", "what the transaction saw");
    const changed = source("a", "changed in between");
    await cache.read([expected], loaderOf([changed]).load);
    expect(cache.size.entries).toBe(0);
  });

  it("drops the least recently used texts past its size", async () => {
    const cache = createSourceTextCache(25);
    const [a, b, c] = [source("a", "x".repeat(10)), source("b", "y".repeat(10)), source("c", "z".repeat(10))];
    const { load } = loaderOf([a, b, c]);
    await cache.read([a], load);
    await cache.read([b], load);
    await cache.read([a], load); // a is now the most recent
    await cache.read([c], load); // over 25 characters: b goes
    expect(cache.size).toEqual({ entries: 2, chars: 20 });
    const { load: countingLoad, calls } = loaderOf([a, b, c]);
    await cache.read([a, c, b], countingLoad);
    expect(calls).toEqual([["b"]]);
  });
});
