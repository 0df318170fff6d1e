import { describe, expect, it } from "vitest";

import { createFinder, findAll } from "@/lib/anchoring/find-all";

// "Find passage" (issue 12 bug 3): typed text must find the article's text
// whatever its quote marks, spacing, case or Unicode composition.

const article =
  "Bamako: Mali’s junta said the “Africa Corps” stays.\n\nIn JULY the army withdrew.  Mali’s partners — Russia\u00a0first — were silent. Ségou was calm.";

const found = (text: string, query: string) => findAll(text, query).map(({ start, end }) => text.slice(start, end));

describe("findAll", () => {
  it("finds a curly apostrophe with a straight one, and the reverse", () => {
    expect(found(article, "Mali's")).toEqual(["Mali’s", "Mali’s"]);
    expect(found("Mali's junta", "Mali’s")).toEqual(["Mali's"]);
    expect(found(article, '"Africa Corps"')).toEqual(["“Africa Corps”"]);
  });

  it("treats any run of whitespace (line breaks, NBSP, double spaces) as one space", () => {
    expect(found(article, "stays. In july")).toEqual(["stays.\n\nIn JULY"]);
    expect(found(article, "withdrew. Mali's")).toEqual(["withdrew.  Mali’s"]);
    expect(found(article, "Russia   first")).toEqual(["Russia\u00a0first"]);
    expect(found(article, "  the army  ")).toEqual(["the army"]);
  });

  it("ignores case and dash style", () => {
    expect(found(article, "in july THE ARMY")).toEqual(["In JULY the army"]);
    expect(found(article, "partners - russia")).toEqual(["partners — Russia"]);
  });

  it("matches accents typed in either Unicode form", () => {
    expect(found(article.normalize("NFD"), "Ségou")).toEqual(["Ségou".normalize("NFD")]);
    expect(found(article, "Se\u0301gou")).toEqual(["Ségou"]);
  });

  it("returns offsets into the original text, in order, without overlaps", () => {
    const ranges = findAll("aaaa aaaa", "aa");
    expect(ranges).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 5, end: 7 },
      { start: 7, end: 9 },
    ]);
    expect(findAll(article, "")).toEqual([]);
    expect(findAll(article, "   ")).toEqual([]);
    expect(findAll(article, "Timbuktu")).toEqual([]);
  });

  it("keeps astral characters whole", () => {
    expect(found("Flags 🇲🇱 and 🇳🇪 waved; 🇲🇱 again", "🇲🇱")).toEqual(["🇲🇱", "🇲🇱"]);
  });

  it("stays linear on input built to make naive search quadratic", () => {
    const text = "a".repeat(400_000);
    const query = `${"a".repeat(20_000)}b`;
    const started = performance.now();
    expect(findAll(text, query)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("answers many queries on one text", () => {
    const find = createFinder(article);
    expect(find("mali's").length).toBe(2);
    expect(find("africa corps")).toEqual(findAll(article, "africa corps"));
  });
});
