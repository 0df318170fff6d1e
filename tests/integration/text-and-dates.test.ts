// Issue 9 items 11 and 12, through the real services and database: bidi
// controls never reach stored titles, names, tags, rationale, comments or
// titles taken from file names; calendar dates are strict.
import { describe, expect, it } from "vitest";

import { addComment } from "@/lib/comments/service";
import { createComparison as createComparisonThroughService } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createSource, previewSource } from "@/lib/sources/service";
import { createUser as createAccount } from "@/lib/users/service";

import { createAnnotation, createComparison, createUser, randomSuffix } from "../support/factories";

const RLO = "\u202E";
const ISOLATES = "\u2066\u2067\u2068\u2069";
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

describe("bidi control characters (item 11)", () => {
  it("are stripped from comparison and source titles, names, tags, rationale, comments and review comments", async () => {
    const admin = await createUser("admin");
    const analyst = await createUser("analyst");
    const reviewer = await createUser("reviewer");
    const comparison = await createComparisonThroughService(analyst, {
      title: `Invoice ${RLO}fdp.exe${ISOLATES}`,
      question: `Who ${RLO}paid?`,
      sources: [
        { title: `Left ${RLO}one`, outlet: `Out${RLO}let`, author: `Au${ISOLATES}thor`, text: "Left article text." },
        { title: "Right", text: "Right article text." },
      ],
    });
    expect(comparison.title).toBe("Invoice fdp.exe");
    const stored = await db.comparison.findUniqueOrThrow({
      where: { id: comparison.id },
      include: { sources: { where: { position: 0 }, include: { source: true } } },
    });
    const first = stored.sources[0]!.source;
    expect([stored.title, stored.question, first.title, first.outlet, first.author]).toEqual([
      "Invoice fdp.exe",
      "Who paid?",
      "Left one",
      "Outlet",
      "Author",
    ]);

    const account = await createAccount(admin, {
      email: `bidi-${randomSuffix()}@example.com`,
      name: `Mal${RLO}lory`,
      role: "analyst",
      password: "a-long-enough-password",
    });
    expect(account.name).toBe("Mallory");

    const target = await createComparison();
    const annotation = await createAnnotation(analyst, target, {
      rationale: `Because ${RLO}it said so`,
      tags: [`ta${RLO}g`, `${ISOLATES}x`],
      submit: true,
    });
    expect(annotation.rationale).toBe("Because it said so");
    expect(annotation.tags).toEqual(["tag", "x"]);
    const comment = await addComment(reviewer, annotation.id, { body: `See ${RLO}here` });
    expect(comment.body).toBe("See here");
    await reviewAnnotation(reviewer, annotation.id, {
      decision: "request_changes",
      comment: `Fix ${RLO}this`,
      version: annotation.version,
    });
    const review = await db.review.findFirstOrThrow({ where: { annotationId: annotation.id } });
    expect(review.comment).toBe("Fix this");
  });

  it("are stripped from titles taken from an uploaded file's name", async () => {
    const analyst = await createUser("analyst");
    const file = { name: `report${RLO}txt.exe.txt`, type: "text/plain", content: Buffer.from("Some article text.").toString("base64") };
    const preview = await previewSource(analyst, { file });
    expect(preview.guesses.title).toBe("reporttxt.exe");
    const source = await createSource(analyst, { file });
    expect(source.title).not.toMatch(BIDI);
  });
});

describe("calendar dates (item 12)", () => {
  it("refuses year 0000 and days that do not exist with a 400 naming the field, storing nothing", async () => {
    const analyst = await createUser("analyst");
    const before = await db.source.count();
    for (const publishedAt of ["0000-01-01", "2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31"]) {
      await expect(createSource(analyst, { title: `Dated ${publishedAt}`, text: "Text.", publishedAt }), publishedAt).rejects.toMatchObject(
        {
          status: 400,
          errors: { publishedAt: expect.stringMatching(/No such date/) },
        },
      );
    }
    expect(await db.source.count()).toBe(before);
  });

  it("stores real dates as given, leap days included", async () => {
    const analyst = await createUser("analyst");
    const source = await createSource(analyst, { title: "Leap", text: "Text.", publishedAt: "2024-02-29" });
    expect(source.publishedAt).toBe("2024-02-29");
    const ancient = await createSource(analyst, { title: "Old", text: "Text.", publishedAt: "0001-01-01" });
    expect(ancient.publishedAt).toBe("0001-01-01");
  });

  it("drops an impossible date guessed from a page instead of storing a different day", async () => {
    const analyst = await createUser("analyst");
    const html = `<html><head><meta property="article:published_time" content="2024-02-30T10:00:00Z"><title>Page</title></head><body><article><p>${"Words of the article. ".repeat(40)}</p></article></body></html>`;
    const preview = await previewSource(analyst, { html });
    expect(preview.guesses.publishedAt).toBeUndefined();
  });
});
