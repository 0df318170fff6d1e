// W3C Web Annotation export: every exported document passes the MUST checker
// (tests/support/w3c-musts.ts), positions count code points (emoji before the
// passage), the Parallax extension carries status and review decisions, and
// drafts stay private to their author.
import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { exportW3c } from "@/lib/interop/export-service";
import { reviewAnnotation } from "@/lib/reviews/service";
import {
  createAnnotation,
  createComparison,
  createUser,
  LEFT_TEXT,
  RIGHT_TEXT,
  type TestComparison,
  type TestUser,
} from "@/tests/support/factories";
import { findW3cViolations } from "@/tests/support/w3c-musts";

const baseUrl = "https://parallax.example.org";
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let analyst: TestUser;
let other: TestUser;
let reviewer: TestUser;
let comparison: TestComparison;
let approvedId: string;
let draftNoteId: string;
const texts = new Map<string, string>();

beforeAll(async () => {
  [analyst, other, reviewer] = await Promise.all([createUser("analyst"), createUser("analyst"), createUser("reviewer")]);
  // Astral characters before the passages: UTF-16 offsets and code points differ by one per emoji.
  comparison = await createComparison({ leftText: `🙂🎉 ${LEFT_TEXT}`, rightText: `𝔸 ${RIGHT_TEXT}` });
  await db.source.update({ where: { id: comparison.left.id }, data: { url: "https://news.example/wagner-rifts" } });
  const link = await createAnnotation(analyst, comparison, {
    kind: "contradiction",
    leftQuote: "Most fighters have simply reappeared under the Kremlin-backed Africa Corps",
    rightQuote: "claiming mission accomplished",
    tags: ["rebrand", "wagner"],
    submit: true,
  });
  await db.annotation.update({ where: { id: link.id }, data: { credibility: 2 } });
  const decided = await reviewAnnotation(reviewer, link.id, { decision: "approve", version: link.version });
  approvedId = decided.annotation.id;
  draftNoteId = (await createAnnotation(analyst, comparison, { kind: "note", leftQuote: "Residents of Bamako remain wary" })).id;
  const versions = await db.sourceVersion.findMany({ where: { sourceId: { in: comparison.sources.map((s) => s.id) } } });
  for (const version of versions) texts.set(`${baseUrl}/api/v1/sources/${version.sourceId}/versions/${version.number}`, version.text);
});

async function exportAs(user: TestUser, query: Record<string, unknown> = {}) {
  return (await exportW3c(user, comparison.id, query, { baseUrl })).document as Json;
}

describe("W3C export", () => {
  it("satisfies every MUST of the Web Annotation Data Model, positions included", async () => {
    const collection = await exportAs(analyst);
    expect(findW3cViolations(collection, (iri) => texts.get(iri))).toEqual([]);
    expect(Object.keys(collection)[0]).toBe("@context");
    expect(collection["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", { parallax: "https://parallax.app/ns/annotation#" }]);
    expect(collection).toMatchObject({
      type: "AnnotationCollection",
      total: 2,
      id: `${baseUrl}/api/v1/comparisons/${comparison.id}/annotations.jsonld`,
    });
    expect(collection.first.items).toHaveLength(2);
    for (const item of collection.first.items) expect(findW3cViolations({ "@context": collection["@context"], ...item })).toEqual([]);
  });

  it("counts code points, not UTF-16 units, before a passage that follows emoji", async () => {
    const collection = await exportAs(analyst);
    const link = collection.first.items.find((item: Json) => item.id.endsWith(approvedId));
    const [left, right] = link.target;
    const quote = "Most fighters have simply reappeared under the Kremlin-backed Africa Corps";
    const utf16 = comparison.left.text.indexOf(quote);
    expect(left.selector).toEqual([
      { type: "TextQuoteSelector", exact: quote, prefix: expect.any(String), suffix: expect.any(String) },
      { type: "TextPositionSelector", start: utf16 - 2, end: utf16 - 2 + quote.length },
    ]);
    expect(right.selector[1].start).toBe(comparison.right.text.indexOf("claiming mission accomplished") - 1);
    // The article's URL when it has one, else the Parallax IRI of the source; the version as TimeState.
    expect(left.source).toBe("https://news.example/wagner-rifts");
    expect(right.source).toBe(`${baseUrl}/api/v1/sources/${comparison.right.id}`);
    expect(left.state).toMatchObject({ type: "TimeState", cached: `${baseUrl}/api/v1/sources/${comparison.left.id}/versions/1` });
  });

  it("states kind, motivation, rationale, tags, status, grades and review decisions", async () => {
    const collection = await exportAs(analyst);
    const link = collection.first.items.find((item: Json) => item.id.endsWith(approvedId));
    expect(link).toMatchObject({
      type: "Annotation",
      motivation: "linking",
      creator: { type: "Person", name: analyst.name, id: `urn:uuid:${analyst.id}` },
      "parallax:kind": "contradiction",
      "parallax:status": "approved",
      "parallax:credibility": 2,
      "parallax:reviews": [{ "parallax:decision": "approve", creator: { name: reviewer.name }, "parallax:annotationVersion": 1 }],
    });
    expect(link.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "TextualBody", purpose: "commenting" }),
        expect.objectContaining({ purpose: "classifying", value: "contradiction" }),
        expect.objectContaining({ purpose: "tagging", value: "rebrand" }),
        expect.objectContaining({ purpose: "tagging", value: "wagner" }),
      ]),
    );
    const note = collection.first.items.find((item: Json) => item.id.endsWith(draftNoteId));
    expect(note).toMatchObject({ motivation: "commenting", "parallax:status": "draft", target: [expect.any(Object)] });
  });

  it("leaves other people's drafts out", async () => {
    const collection = await exportAs(other);
    expect(collection.total).toBe(1);
    expect(collection.first.items.map((item: Json) => item.id)).toEqual([`${baseUrl}/api/v1/annotations/${approvedId}`]);
  });

  it("pages with next/prev/partOf, and refuses pages that do not exist", async () => {
    const collection = await exportAs(analyst, { pageSize: "1" });
    expect(collection.first).toMatchObject({ startIndex: 0, next: expect.stringContaining("page=1&pageSize=1") });
    expect(collection.last).toContain("page=1&pageSize=1");
    const second = await exportAs(analyst, { page: "1", pageSize: "1" });
    expect(findW3cViolations(second, (iri) => texts.get(iri))).toEqual([]);
    expect(second).toMatchObject({ type: "AnnotationPage", startIndex: 1, prev: expect.stringContaining("page=0"), partOf: { total: 2 } });
    expect(second.next).toBeUndefined();
    await expect(exportAs(analyst, { page: "2", pageSize: "1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(exportAs(analyst, { page: "-1" })).rejects.toMatchObject({ code: "bad_request", errors: { page: expect.any(String) } });
  });

  it("exports an empty comparison as a collection without pages", async () => {
    const empty = await createComparison();
    const { document } = await exportW3c(analyst, empty.id, {}, { baseUrl });
    expect(findW3cViolations(document)).toEqual([]);
    expect(document).toMatchObject({ total: 0 });
    expect(document).not.toHaveProperty("first");
  });
});
