// Checks on what a client sends run in linear time: the JSON content-type
// check and trailing-slash trimming of URLs are hand-written scans. The
// slash pattern they replace (/\/+$/) took ≈10 s on 100,000 slashes.
import { describe, expect, it } from "vitest";

import { isJsonMediaType, mediaTypeOf } from "@/lib/http/media-type";
import { comparableUrl } from "@/lib/interop/import/match-source";
import { trimTrailingSlashes } from "@/lib/text/trim-slashes";

const HOSTILE = 100_000;

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe("JSON media type", () => {
  it.each([
    "application/json",
    "application/json; charset=utf-8",
    "  Application/JSON ;charset=UTF-8",
    "application/merge-patch+json",
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    "application/vnd.api+json",
  ])("accepts %j", (header) => expect(isJsonMediaType(header)).toBe(true));

  it.each([
    null,
    "",
    "text/json",
    "application/x-www-form-urlencoded",
    "application/jsonp",
    "application/+json",
    "application/a b+json",
    "application/json garbage",
    "multipart/form-data; boundary=application/json",
  ])("refuses %j", (header) => expect(isJsonMediaType(header)).toBe(false));

  it("keeps only the type before the parameters, lower-cased", () => {
    expect(mediaTypeOf(" Application/LD+JSON ; q=1")).toBe("application/ld+json");
  });

  it("answers a 100,000-character hostile header at once", () => {
    const headers = [
      `application/${"+".repeat(HOSTILE)}x`,
      `application/${"a+".repeat(HOSTILE / 2)}jso`,
      `application/${"-".repeat(HOSTILE)}+json${";".repeat(HOSTILE)}`,
      " ".repeat(HOSTILE) + "application/json" + "\t".repeat(HOSTILE) + "x",
    ];
    for (const header of headers) expect(elapsedMs(() => isJsonMediaType(header))).toBeLessThan(100);
    expect(headers.map(isJsonMediaType)).toEqual([false, false, true, false]);
  });
});

describe("trailing slashes", () => {
  it("trims every trailing slash and nothing else", () => {
    expect(trimTrailingSlashes("/a/b///")).toBe("/a/b");
    expect(trimTrailingSlashes("///")).toBe("");
    expect(trimTrailingSlashes("/a//b")).toBe("/a//b");
  });

  it("compares an imported link of 100,000 slashes at once", () => {
    const hostile = `https://example.org/${"/".repeat(HOSTILE)}a`;
    let key: string | null = null;
    expect(elapsedMs(() => (key = comparableUrl(hostile)))).toBeLessThan(100);
    expect(key === `example.org${"/".repeat(HOSTILE + 1)}a`).toBe(true);
    expect(comparableUrl("https://www.Example.org/news/story///?id=1")).toBe("example.org/news/story?id=1");
  });
});
