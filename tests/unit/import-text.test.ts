import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { contentHash } from "@/lib/sources/content-hash";
import { guessHeadline, importText, SHORT_LINE_MAX } from "@/lib/sources/import-text";
import { demoComparison, loadSeedSource, readSeedRaw } from "@/prisma/seed-data";

function readGolden(name: string): string {
  const path = fileURLToPath(new URL(`./fixtures/seeds/${name}.clean.txt`, import.meta.url));
  // Tolerate an editor's final newline; the pipeline itself never emits one.
  return readFileSync(path, "utf8").replace(/\n$/, "");
}

const seeds = demoComparison.sources.map((source) => ({
  source,
  name: source.rawFile.replace(/\.raw\.txt$/, ""),
  raw: readSeedRaw(source.rawFile),
}));

describe("importText on the seed articles", () => {
  it.each(seeds)("cleans $name exactly as the golden file", ({ source, name, raw }) => {
    expect(importText(raw, { title: source.title }).text).toBe(readGolden(name));
  });

  it.each(seeds)("leaves no boilerplate in $name", ({ source, raw }) => {
    const { text } = importText(raw, { title: source.title });
    for (const junk of ["Skip to content", "WhatsApp", "whatsapp.com", "comments posted here", "Kindly refrain", "Read also", "Latest"]) {
      expect(text).not.toContain(junk);
    }
    expect(text).not.toContain(source.title);
    expect(text).not.toMatch(/\n{3,}|^\s|\s$|[ \t]\n/);
  });

  it("keeps the passages the example findings quote, curly quotes included", () => {
    const [left, right] = seeds.map(({ source, raw }) => importText(raw, { title: source.title }).text);
    expect(left).toContain("Most fighters have simply reappeared under the Kremlin-backed “Africa Corps,”");
    expect(left).toContain("up to 80%");
    expect(right).toContain("claiming mission accomplished");
    expect(right).toContain("most Russian personnel previously affiliated with Wagner will be reassigned");
  });

  it("keeps the numbered list of the second article, one item per line, citations intact", () => {
    const text = importText(seeds[1]!.raw).text;
    expect(text).toContain("\n\n1. Enduring Russian Influence: The departure of Wagner does not signal a reduction");
    expect(text).toMatch(/\[3\]\.\n2\. Ongoing Security Challenges:/);
    expect(text).toContain("regional geopolitics [1][2][3].");
  });

  it("reports what it removed from the first article, with reasons", () => {
    const { removed, stats } = importText(seeds[0]!.raw, {
      title: demoComparison.sources[0]!.title,
    });
    expect(
      removed.map(({ reason, rule, lineNumber }) => ({
        reason,
        rule,
        lineNumber,
      })),
    ).toEqual([
      { reason: "title", rule: undefined, lineNumber: 1 },
      { reason: "title", rule: undefined, lineNumber: 3 },
      { reason: "boilerplate", rule: "channel-invitation", lineNumber: 18 },
      { reason: "url", rule: undefined, lineNumber: 19 },
      { reason: "boilerplate", rule: "comment-policy", lineNumber: 21 },
    ]);
    expect(removed[3]!.line).toBe("https://whatsapp.com/channel/0029Vaz4fX77oQhU1lSymM1w");
    expect(stats).toMatchObject({
      paragraphs: 6,
      removedLines: 5,
      repeatedParagraphs: 0,
    });
  });

  it("reports repeated headlines and site furniture of the second article", () => {
    const { removed } = importText(seeds[1]!.raw, {
      title: demoComparison.sources[1]!.title,
    });
    // The page header above the headline goes (issue 12, bug 7): the kicker, the SEO headline twice, and
    // the standfirst's first copy; its copy under the headline, where the article has it, stays.
    expect(removed.map(({ line, reason }) => [reason, line])).toEqual([
      ["boilerplate", "Skip to content"],
      ["header", "Mercenaries affiliated with the Russian Wagner Group seek to terminate their operations in Mali."],
      ["header", "Completed the mission or accomplished the objective?"],
      ["header", "Wagner Mercenaries Seek Exit from Military Engagements in Mali"],
      ["header", "Wagner Mercenaries Seek Exit from Military Engagements in Mali"],
      ["title", demoComparison.sources[1]!.title],
      ["boilerplate", "Read also:"],
      ["boilerplate", "Latest"],
    ]);
  });

  it("keeps every sentence of the second article and starts it with the standfirst", () => {
    const { text } = importText(seeds[1]!.raw, { title: demoComparison.sources[1]!.title });
    expect(
      text.startsWith(
        "Mercenaries affiliated with the Russian Wagner Group seek to terminate their operations in Mali.\n\nIn a surprising turn",
      ),
    ).toBe(true);
    const sentences = seeds[1]!.raw.split("\n").filter((line) => line.trim().length >= SHORT_LINE_MAX);
    for (const paragraph of sentences) expect(text).toContain(paragraph.trim().replace(/^\d\. /, ""));
  });

  it("keeps the sample notice above the third article's title", () => {
    const { text } = importText(seeds[2]!.raw, { title: demoComparison.sources[2]!.title });
    expect(text.startsWith("SAMPLE ARTICLE - written for the Parallax demo.")).toBe(true);
  });

  it("without a title keeps the first headline and drops its repeats", () => {
    const { text, removed } = importText(seeds[0]!.raw);
    expect(text.startsWith("Rifts Deepen in Mali’s Military Over Wagner Legacy\n\nBamako: A fresh")).toBe(true);
    expect(removed.filter((r) => r.reason === "duplicate-headline")).toHaveLength(1);
  });

  it.each(seeds)("is idempotent on $name", ({ source, raw }) => {
    const once = importText(raw, { title: source.title }).text;
    expect(importText(once).text).toBe(once);
    expect(importText(once, { title: source.title }).text).toBe(once);
    const untitled = importText(raw).text;
    expect(importText(untitled).text).toBe(untitled);
  });

  it("prepares seed sources with raw content, text and hash", () => {
    const loaded = loadSeedSource(demoComparison.sources[0]!);
    expect(loaded.rawContent).toBe(seeds[0]!.raw);
    expect(loaded.text).toBe(readGolden(seeds[0]!.name));
    expect(loaded.contentHash).toBe(contentHash(loaded.text));
  });
});

describe("importText normalization", () => {
  it("unifies CRLF and CR line endings and keeps one blank line between paragraphs", () => {
    const { text } = importText("First paragraph.\r\nstill first.\r\n\r\n\r\n\r\nSecond.\rThird line.\r\r");
    expect(text).toBe("First paragraph.\nstill first.\n\nSecond.\nThird line.");
  });

  it("removes the BOM, replaces odd spaces, collapses runs of spaces and trims", () => {
    const raw = "\uFEFF  Mali\u00A0junta\u202Fsaid\u2009it \t\t would   act.  \n\n\u3000 Next\u200B paragraph. ";
    expect(importText(raw).text).toBe("Mali junta said it would act.\n\nNext paragraph.");
  });

  it("keeps typographic quotes and apostrophes", () => {
    const raw = "He said “the mission’s over” — ‘not quite’, they replied.";
    expect(importText(raw).text).toBe(raw);
  });

  it("composes text to NFC", () => {
    expect(importText("Gao\u0300 cafe\u0301 Tombouctou").text).toBe("Gaò café Tombouctou");
  });

  it("keeps emoji, ZWJ sequences, skin tones, flags and other astral characters", () => {
    // Written with escapes so the joiners under test stay visible in review.
    const zwjSequences = [
      "\u{1F469}\u200D\u{1F4BB}", // woman technologist
      "\u{1F468}\u{1F3FD}\u200D\u{1F692}", // firefighter, skin tone
      "\u{1F3F3}\uFE0F\u200D\u{1F308}", // rainbow flag
      "\u2764\uFE0F\u200D\u{1F525}", // heart on fire
    ];
    const raw = `Reactions: ${zwjSequences.join(" ")} \u{1F1F2}\u{1F1F1} \u{1F44D}\u{1F3FF} \u{1D54F} \u{1D11E} \u{1F600}.`;
    expect(importText(raw).text).toBe(raw);
  });

  it("drops stray zero-width joiners but keeps ZWNJ inside Persian words", () => {
    expect(importText("Wagner\u200D \u200Dleft\u200C.").text).toBe("Wagner left.");
    expect(importText("می\u200Cخواهم").text).toBe("می\u200Cخواهم");
  });

  it("keeps right-to-left text, including bidi marks", () => {
    const raw = "قالت فاغنر إنها أنجزت مهمتها في مالي.\n\nהכוחות הרוסיים נשארים במאלי\u200F (Africa Corps).";
    expect(importText(raw).text).toBe(raw);
  });

  it("returns an empty text for blank input", () => {
    expect(importText(" \r\n\u00A0\n\t").text).toBe("");
    expect(importText("").stats).toMatchObject({
      paragraphs: 0,
      removedLines: 0,
    });
  });
});

describe("importText line rules", () => {
  it("keeps a sentence that mentions boilerplate words mid-sentence", () => {
    const raw = [
      "Officials told reporters to read also the annex, which is marked Latest.",
      "Read also the statement by the junta, the spokesman said, before the latest attack.",
      "Subscribers to the junta's Telegram channel were told to follow it on WhatsApp instead, according to soldiers who spoke to The Sentry.",
    ].join("\n\n");
    expect(importText(raw).text).toBe(raw);
  });

  it("drops whole-line boilerplate of several kinds", () => {
    const raw = [
      "Skip to main content",
      "Body one.",
      "Advertisement",
      "Read more: Wagner in the Central African Republic",
      "Share this article",
      "Subscribe to our newsletter",
      "We use cookies to improve your experience. By continuing you accept our policy.",
      "Related",
      "Body two.",
    ].join("\n");
    const { text, removed } = importText(raw);
    expect(text).toBe("Body one.\nBody two.");
    expect(removed.every((r) => r.reason === "boilerplate")).toBe(true);
    expect(removed.map((r) => r.rule)).toEqual([
      "skip-link",
      "advertisement",
      "read-also",
      "section-label",
      "newsletter",
      "cookie-banner",
      "section-label",
    ]);
  });

  it("drops a bare URL only right after an invitation, not a reference URL", () => {
    const raw = "Sources:\nhttps://example.org/report.pdf\n\nJoin our Telegram channel:\n\nhttps://t.me/example";
    const { text, removed } = importText(raw);
    expect(text).toBe("Sources:\nhttps://example.org/report.pdf");
    expect(removed.map((r) => r.reason)).toEqual(["boilerplate", "url"]);
  });

  it("drops the title line when the title is given, whatever the quote style or case", () => {
    const raw = "RIFTS DEEPEN IN MALI'S MILITARY OVER WAGNER LEGACY\n\nBody.";
    const { text, removed } = importText(raw, {
      title: "Rifts Deepen in Mali’s Military Over Wagner Legacy",
    });
    expect(text).toBe("Body.");
    expect(removed).toEqual([
      {
        line: "RIFTS DEEPEN IN MALI'S MILITARY OVER WAGNER LEGACY",
        reason: "title",
        lineNumber: 1,
      },
    ]);
  });

  it("drops repeated short headlines but keeps repeated short labels of fewer than three words", () => {
    const raw = "Wagner leaves Mali\nWagner leaves Mali\n\nQ: Why?\n\nBody.\n\nQ: Why?\n\n* * *\n\nEnd.\n\n* * *";
    expect(importText(raw).text).toBe("Wagner leaves Mali\n\nQ: Why?\n\nBody.\n\nQ: Why?\n\n* * *\n\nEnd.\n\n* * *");
  });

  it("keeps a repeated long paragraph and counts it", () => {
    const paragraph =
      "Diplomatic and security sources concur that the Kremlin remains the driving force behind Russia's military intervention in Mali, regardless of the Wagner label, and that the Africa Corps will take over most of its positions in the north.";
    expect(paragraph.length).toBeGreaterThanOrEqual(200);
    const raw = `${paragraph}\n\nMiddle.\n\n${paragraph}`;
    const result = importText(raw);
    expect(result.text).toBe(raw);
    expect(result.removed).toEqual([]);
    expect(result.stats.repeatedParagraphs).toBe(1);
  });

  it("is idempotent on messy input", () => {
    const raw =
      "\uFEFFSkip to content\r\nTitle line here\r\nTitle line here\r\n\r\n  1.\u00A0First  item\r\n  2. Second item \u{1F469}\u200D\u{1F469}\u200D\u{1F467}\r\n\r\nFollow us on WhatsApp:\r\nhttps://wa.me/x\r\nRead also:\r\n\r\nLatest\r\n";
    const once = importText(raw).text;
    expect(once).toBe("Title line here\n\n1. First item\n2. Second item \u{1F469}\u200D\u{1F469}\u200D\u{1F467}");
    expect(importText(once).text).toBe(once);
  });
});

function corpus(name: "remove" | "keep"): string[] {
  const path = fileURLToPath(new URL(`./fixtures/boilerplate/${name}.txt`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"));
}

describe("boilerplate corpus (issue 12, bug 7)", () => {
  it.each(corpus("remove"))("removes “%s”", (line) => {
    const { text, removed } = importText(`Body before.\n\n${line}\n\nBody after.`);
    expect(text).toBe("Body before.\n\nBody after.");
    expect(removed).toEqual([expect.objectContaining({ line, reason: "boilerplate" })]);
  });

  it.each(corpus("keep"))("keeps “%s”", (line) => {
    expect(importText(line).text).toBe(line);
  });

  it("drops a link under a social follow line, like under a channel invitation", () => {
    expect(importText("Body.\n\nFollow us on Twitter\nhttps://twitter.com/example\n\nMore body.").text).toBe("Body.\n\nMore body.");
  });
});

describe("lines above the title", () => {
  const title = "Wagner leaves Mali, Africa Corps stays";

  it("drops kickers and alternative headlines above the title, never a sentence", () => {
    const raw = [
      "World | Africa",
      "Exit or rebrand?",
      "The Kremlin's new face in the Sahel",
      "Editor's note: this article was updated on 3 June with the ministry's response.",
      title,
      "By Jane Doe",
      "Body paragraph.",
    ].join("\n\n");
    const { text, removed } = importText(raw, { title });
    expect(removed.filter((r) => r.reason === "header").map((r) => r.line)).toEqual([
      "Exit or rebrand?",
      "The Kremlin's new face in the Sahel",
    ]);
    expect(text).toBe(
      "World | Africa\n\nEditor's note: this article was updated on 3 June with the ministry's response.\n\nBy Jane Doe\n\nBody paragraph.",
    );
  });

  it("removes nothing above the title when no title is given or it is not near the top", () => {
    const raw = "Exit or rebrand?\n\nBody paragraph.";
    expect(importText(raw).text).toBe(raw);
    const far = [...Array.from({ length: 16 }, (_, i) => `Paragraph number ${i} of the body.`), title, "End."].join("\n\n");
    expect(importText(far, { title }).removed.map((r) => r.reason)).toEqual(["title"]);
  });
});

describe("guessHeadline", () => {
  it("takes the first line of a pasted article when it reads like a headline", () => {
    expect(guessHeadline(seeds[0]!.raw)).toBe("Rifts Deepen in Mali’s Military Over Wagner Legacy");
    expect(guessHeadline("Skip to content\n\n  Wagner   leaves Mali \n\nBody text.")).toBe("Wagner leaves Mali");
  });

  it("guesses nothing when the article starts with a sentence", () => {
    expect(guessHeadline(seeds[1]!.raw)).toBeUndefined();
    expect(guessHeadline(seeds[2]!.raw)).toBeUndefined();
    expect(guessHeadline("Bamako — Wagner is leaving Mali, officials said.\n\nMore.")).toBeUndefined();
    expect(guessHeadline("Hi\n\nBody.")).toBeUndefined();
  });

  it("yields the same text the import saves when that headline is the title", () => {
    const title = guessHeadline(seeds[0]!.raw)!;
    expect(importText(seeds[0]!.raw, { title }).text).toBe(readGolden(seeds[0]!.name));
  });
});

describe("contentHash", () => {
  it("is the sha256 hex of the UTF-8 text", () => {
    expect(contentHash("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(contentHash("Mali’s")).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash("Mali’s")).not.toBe(contentHash("Mali's"));
  });
});
