import { beforeAll, describe, expect, it } from "vitest";

import type { CreateAnnotationInput } from "@/lib/annotations/schemas";
import { createAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { db } from "@/lib/db";
import { createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

import { refused } from "./annotations-helpers";

// Every rule the annotation service enforces on what it stores (SPEC §2):
// shape problems are 400, spans that do not fit the texts are 422.

let analyst: TestUser;
let comparison: TestComparison;
let other: TestComparison;

const quote = (source: { id: string; text: string }, exact: string) => {
  const start = source.text.indexOf(exact);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  return { sourceId: source.id, start, end: start + exact.length, exact };
};

function input(overrides: Partial<CreateAnnotationInput> = {}): CreateAnnotationInput {
  return {
    kind: "contradiction",
    rationale: "Withdrawal versus rebranding.",
    spans: [quote(comparison.left, "Most fighters have simply reappeared"), quote(comparison.right, "claiming mission accomplished")],
    ...overrides,
  };
}

async function countAnnotations() {
  return db.annotation.count({ where: { comparisonId: comparison.id } });
}

beforeAll(async () => {
  analyst = await createUser("analyst");
  comparison = await createComparison();
  other = await createComparison();
});

describe("createAnnotation validation", () => {
  it("accepts a well-formed contradiction and stores it as a draft", async () => {
    const created = await createAnnotation(analyst, comparison.id, input());
    expect(created).toMatchObject({ kind: "contradiction", status: "draft", version: 1, confidence: "medium", author: { id: analyst.id } });
    expect(created.spans.map((s) => s.exact)).toEqual(["Most fighters have simply reappeared", "claiming mission accomplished"]);
  });

  it("refuses an unknown kind", async () => {
    const error = await refused(createAnnotation(analyst, comparison.id, input({ kind: "opinion" as "note" })), "bad_request");
    expect(error.errors).toHaveProperty("kind");
  });

  it("needs between 1 and 20 spans", async () => {
    const before = await countAnnotations();
    expect((await refused(createAnnotation(analyst, comparison.id, input({ spans: [] })), "bad_request")).errors).toHaveProperty("spans");
    const many = Array.from({ length: 21 }, () => quote(comparison.left, "Wagner"));
    expect((await refused(createAnnotation(analyst, comparison.id, input({ spans: many })), "bad_request")).errors).toHaveProperty("spans");
    const letter = (i: number) => ({ sourceId: comparison.left.id, start: i, end: i + 1, exact: comparison.left.text[i]! });
    const twenty = [...Array.from({ length: 19 }, (_, i) => letter(i)), quote(comparison.right, "Wagner")];
    await expect(createAnnotation(analyst, comparison.id, input({ spans: twenty }))).resolves.toMatchObject({ spans: expect.any(Array) });
    expect(await countAnnotations()).toBe(before + 1);
  });

  it("needs passages in at least two different sources for agreements and contradictions", async () => {
    for (const kind of ["agreement", "contradiction"] as const) {
      const error = await refused(
        createAnnotation(
          analyst,
          comparison.id,
          input({ kind, spans: [quote(comparison.left, "Most fighters"), quote(comparison.left, "Africa Corps")] }),
        ),
        "unprocessable",
      );
      expect(error.errors?.spans).toMatch(/at least two different sources/);
    }
  });

  it("refuses the same passage twice, or two overlapping passages in one source", async () => {
    const same = [quote(comparison.left, "Most fighters"), quote(comparison.left, "Most fighters"), quote(comparison.right, "Wagner")];
    const error = await refused(createAnnotation(analyst, comparison.id, input({ spans: same })), "unprocessable");
    expect(error.errors).toEqual({ "spans.1": "This passage overlaps another passage of the same source." });
    const overlapping = [
      quote(comparison.left, "Most fighters have"),
      quote(comparison.left, "fighters have simply"),
      quote(comparison.right, "Wagner"),
    ];
    await refused(createAnnotation(analyst, comparison.id, input({ spans: overlapping })), "unprocessable");
  });

  it("needs exactly one passage for a note", async () => {
    const error = await refused(createAnnotation(analyst, comparison.id, input({ kind: "note" })), "unprocessable");
    expect(error.errors?.spans).toMatch(/exactly one/);
    const note = await createAnnotation(analyst, comparison.id, input({ kind: "note", spans: [quote(comparison.right, "Africa Corps")] }));
    expect(note.spans).toHaveLength(1);
  });

  it("refuses spans in a source outside the comparison", async () => {
    const error = await refused(
      createAnnotation(
        analyst,
        comparison.id,
        input({ spans: [quote(comparison.left, "Most fighters"), quote(other.right, "claiming mission accomplished")] }),
      ),
      "unprocessable",
    );
    expect(error.errors).toHaveProperty(["spans.1.sourceId"]);
  });

  it("refuses empty, out-of-range and mismatching spans with 422", async () => {
    const left = quote(comparison.left, "Most fighters");
    const right = quote(comparison.right, "claiming mission accomplished");
    const cases = [
      { ...left, end: left.start, exact: "M" },
      { ...left, end: comparison.left.text.length + 5, exact: comparison.left.text.slice(left.start) + "extra" },
      { ...left, exact: "Most fighter!" },
      { ...left, start: left.start + 1, end: left.end + 1 },
    ];
    for (const bad of cases) {
      const error = await refused(createAnnotation(analyst, comparison.id, input({ spans: [bad, right] })), "unprocessable");
      expect(error.errors).toHaveProperty(["spans.0"]);
    }
    // An empty quote is malformed before it is checked against the text.
    await refused(
      createAnnotation(analyst, comparison.id, input({ spans: [{ ...left, end: left.start, exact: "" }, right] })),
      "bad_request",
    );
  });

  it("needs a rationale of 1 to 10,000 characters", async () => {
    expect((await refused(createAnnotation(analyst, comparison.id, input({ rationale: "   " })), "bad_request")).errors).toHaveProperty(
      "rationale",
    );
    expect(
      (await refused(createAnnotation(analyst, comparison.id, input({ rationale: "x".repeat(10_001) })), "bad_request")).errors,
    ).toHaveProperty("rationale");
    const longest = await createAnnotation(analyst, comparison.id, input({ rationale: "x".repeat(10_000) }));
    expect(longest.rationale).toHaveLength(10_000);
  });

  it("allows at most 20 tags of at most 50 characters, without duplicates", async () => {
    const tooMany = Array.from({ length: 21 }, (_, i) => `tag${i}`);
    expect((await refused(createAnnotation(analyst, comparison.id, input({ tags: tooMany })), "bad_request")).errors).toHaveProperty(
      "tags",
    );
    expect(
      (await refused(createAnnotation(analyst, comparison.id, input({ tags: ["x".repeat(51)] })), "bad_request")).errors,
    ).toHaveProperty(["tags.0"]);
    const ok = await createAnnotation(analyst, comparison.id, input({ tags: [...tooMany.slice(0, 19), "x".repeat(50)] }));
    expect(ok.tags).toHaveLength(20);
    const deduplicated = await createAnnotation(analyst, comparison.id, input({ tags: ["wagner", " wagner ", "mali"] }));
    expect(deduplicated.tags).toEqual(["wagner", "mali"]);
  });

  it("applies the same span rules to an update", async () => {
    const created = await createAnnotation(analyst, comparison.id, input());
    const error = await refused(updateAnnotation(analyst, created.id, { version: 1, kind: "note" }), "unprocessable");
    expect(error.errors?.spans).toMatch(/exactly one/);
    const stored = await db.annotation.findUniqueOrThrow({ where: { id: created.id }, select: { kind: true, version: true } });
    expect(stored).toEqual({ kind: "contradiction", version: 1 });
  });

  it("answers 404 for a comparison that does not exist", async () => {
    await refused(createAnnotation(analyst, "00000000-0000-4000-8000-000000000000", input()), "not_found");
  });
});

describe("spans with astral characters", () => {
  const leftText = "The crowd waved 🇲🇱 flags and chanted; 👩‍👩‍👧 families watched. The set 𝔸 is a symbol.";
  const rightText = "Officials said 𝔸-grade troops left; 🇷🇺 instructors stayed.";
  let astral: TestComparison;

  beforeAll(async () => {
    astral = await createComparison({ leftText, rightText });
  });

  it("stores UTF-16 offsets that slice back to the quote, with context", async () => {
    const left = quote(astral.left, "🇲🇱 flags and chanted; 👩‍👩‍👧 families");
    const right = quote(astral.right, "𝔸-grade troops");
    const created = await createAnnotation(analyst, astral.id, { kind: "agreement", rationale: "Same scene.", spans: [left, right] });
    const [storedLeft, storedRight] = created.spans;
    expect(leftText.slice(storedLeft!.start, storedLeft!.end)).toBe(left.exact);
    expect(storedLeft!.prefix).toBe("The crowd waved ");
    expect(rightText.slice(storedRight!.start, storedRight!.end)).toBe("𝔸-grade troops");
  });

  it("refuses offsets that split an emoji or astral letter", async () => {
    const flag = leftText.indexOf("🇲🇱");
    const letter = rightText.indexOf("𝔸");
    const spans = [
      { sourceId: astral.left.id, start: flag + 1, end: flag + 10, exact: leftText.slice(flag + 1, flag + 10) },
      { sourceId: astral.right.id, start: letter, end: letter + 1, exact: rightText.slice(letter, letter + 1) },
    ];
    const error = await refused(createAnnotation(analyst, astral.id, { kind: "agreement", rationale: "Split.", spans }), "unprocessable");
    expect(error.errors?.["spans.0"]).toMatch(/inside a character/);
    expect(error.errors?.["spans.1"]).toMatch(/inside a character/);
  });
});
