// Issue 9 items 11 and 12 at the schema level: one sanitizer for bidi and
// control characters, strict calendar dates.
import { describe, expect, it } from "vitest";

import { createAnnotationSchema } from "@/lib/annotations/schemas";
import { isCalendarDate } from "@/lib/calendar-date";
import { createCommentSchema } from "@/lib/comments/schemas";
import { createComparisonSchema } from "@/lib/comparisons/schemas";
import { reviewInputSchema } from "@/lib/reviews/schemas";
import { sourceInputSchema, updateSourceSchema } from "@/lib/sources/schemas";
import { neutralizeText } from "@/lib/text/safe-text";
import { createUserSchema } from "@/lib/users/schemas";

const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u0000", "\u0007", "\u009B"];

describe("neutralizeText", () => {
  it.each(controls)("removes U+%s", (char) => {
    expect(neutralizeText(`a${char}b${char}${char}c`)).toBe("abc");
  });

  it("keeps tabs, line breaks, right-to-left letters, marks and emoji", () => {
    const text = "שלום\tعالم\n👩‍💻 café\u200F.";
    expect(neutralizeText(text)).toBe(text);
  });
});

describe("schemas strip bidi controls before checking length", () => {
  const rlo = "\u202E";
  it("comparison title and question, source metadata", () => {
    const comparison = createComparisonSchema.parse({
      title: `x${rlo}gpj.exe`,
      question: `q${rlo}`,
      sourceIds: ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"],
    });
    expect([comparison.title, comparison.question]).toEqual(["xgpj.exe", "q"]);
    expect(sourceInputSchema.parse({ title: `t${rlo}`, outlet: `o${rlo}`, author: `a${rlo}` })).toMatchObject({
      title: "t",
      outlet: "o",
      author: "a",
    });
    expect(updateSourceSchema.parse({ title: `t${rlo}` }).title).toBe("t");
  });

  it("rationale, tags, comments, review comments, user names", () => {
    const annotation = createAnnotationSchema.parse({
      kind: "note",
      rationale: `r${rlo}`,
      tags: [`t${rlo}`, "t"],
      spans: [{ sourceId: "00000000-0000-4000-8000-000000000000", start: 0, end: 1, exact: "a" }],
    });
    expect(annotation.rationale).toBe("r");
    expect(annotation.tags).toEqual(["t"]);
    expect(createCommentSchema.parse({ body: `b${rlo}` }).body).toBe("b");
    expect(reviewInputSchema.parse({ decision: "approve", comment: `c${rlo}`, version: 1 }).comment).toBe("c");
    expect(createUserSchema.parse({ email: "a@b.co", name: `n${rlo}`, role: "analyst", password: "a-long-enough-password" }).name).toBe(
      "n",
    );
  });

  it("a value made only of controls is empty, so required fields still say so", () => {
    expect(createCommentSchema.safeParse({ body: rlo }).success).toBe(false);
  });
});

describe("isCalendarDate", () => {
  it.each(["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2023-12-31"])("accepts %s", (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });
  it.each(["0000-01-01", "2024-02-30", "2023-02-29", "1900-02-29", "2024-00-10", "2024-13-01", "2024-04-31", "2024-1-01", "x"])(
    "refuses %s",
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );
});
