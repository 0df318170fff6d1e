import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { decodeUpload } from "@/lib/sources/decode-file";
import { extractHtml } from "@/lib/sources/import-html";
import { markdownToText } from "@/lib/sources/import-markdown";
import { importText } from "@/lib/sources/import-text";
import { prepareSource } from "@/lib/sources/prepare";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url), "utf8");

describe("extractHtml", () => {
  const article = extractHtml(fixture("news-article.html"));

  it("keeps the article's paragraphs, line breaks and list items", () => {
    expect(article.text).toContain("claiming mission accomplished after more than three years");
    expect(article.text).toContain("defence ministry.\nOfficials in Bamako declined to comment.");
    expect(article.text).toContain(
      "command passes to the Russian defence ministry;\ncontracts are signed between governments;\nthe mining concessions stay with their current holders.",
    );
    expect(article.text).toContain("in the coming months:\n\ncommand passes");
    expect(article.text.split("\n\n").length).toBeGreaterThanOrEqual(6);
  });

  it("drops navigation, ads, related links, footers, scripts, styles, comments and handlers", () => {
    for (const chrome of [
      "Home",
      "Politics",
      "Buy now",
      "Advertisement",
      "Related stories",
      "Gold output falls",
      "All rights reserved",
      "Privacy policy",
    ]) {
      expect(article.text).not.toContain(chrome);
    }
    for (const code of ["tracker", "font-family", "Injected by a script", "editor: check", "alert(", "steal()", "onmouseover", "<"]) {
      expect(article.text).not.toContain(code);
    }
  });

  it("guesses the metadata from the page", () => {
    expect(article).toMatchObject({
      title: "Wagner leaves Mali, Russia stays",
      author: "Awa Traoré",
      outlet: "Sahel Monitor",
      publishedAt: "2025-06-07",
      language: "en",
    });
  });

  it("keeps right-to-left text and emoji sequences intact through the import", () => {
    const extracted = extractHtml(fixture("rtl-emoji.html"));
    const { text } = importText(extracted.text, { title: extracted.title });
    expect(extracted.language).toBe("ar");
    expect(text).toContain("انسحابها من مالي 🇲🇱 بعد");
    expect(text).toContain("«الفيلق الأفريقي»");
    expect(text).toContain("Bamako ↔ باماكو, 👩‍💻 reporter notes.");
    expect(text).not.toContain("الرئيسية"); // navigation
    expect(text).not.toContain("جميع الحقوق محفوظة"); // footer
    expect(text.startsWith("انسحاب فاغنر من مالي")).toBe(false); // the title is shown separately
  });
});

describe("markdownToText", () => {
  const { text, title } = markdownToText(fixture("article.md"));

  it("strips headings, emphasis, links, images, code and quote markers to their text", () => {
    expect(title).toBe("Mali after Wagner");
    expect(text).toContain("The Wagner Group said it was leaving, claiming mission accomplished.\nSee the statement and a map.");
    expect(text).toContain("\n\nWhat changed\n\n");
    expect(text).toContain(
      "• command moved to the Africa Corps;\n• contracts are signed between governments\n1. numbered items keep their number",
    );
    expect(text).toContain("\nMost fighters have simply reappeared under the Kremlin-backed “Africa Corps,”");
    expect(text).toContain("snake_case_names and 2 * 3 * 4 stay as written.");
    expect(text).toContain("code block stays **literal**");
    for (const markup of ["#", "](", "![", "`", "---", "[ref]", "author: Test"]) expect(text).not.toContain(markup);
  });
});

// The first import starts a worker thread (and, from the sources, bundles it): slow on a busy machine.
describe("prepareSource", { timeout: 60_000 }, () => {
  it("unifies CRLF, removes boilerplate, keeps emoji and right-to-left text", async () => {
    const prepared = await prepareSource({ text: fixture("crlf-emoji-rtl.txt"), title: "Wagner leaves Mali" });
    expect(prepared.text).toBe("The first paragraph 😀 has an emoji.\nSecond line of it.\n\nשלום עולם — Hebrew text, right to left.");
    expect(prepared.removed.map((line) => line.reason)).toEqual(["title", "boilerplate"]);
    expect(prepared.rawContent).toContain("\r\n");
    expect(prepared.rawFormat).toBe("text");
  });

  it("imports an uploaded HTML file as HTML and keeps the raw page for provenance", async () => {
    const html = fixture("news-article.html");
    const prepared = await prepareSource({
      file: { name: "wagner.htm", type: "text/html", content: Buffer.from(html).toString("base64") },
    });
    expect(prepared.rawFormat).toBe("html");
    expect(prepared.rawContent).toBe(html);
    expect(prepared.guesses.title).toBe("Wagner leaves Mali, Russia stays");
    expect(prepared.text).not.toContain("<p>");
  });

  it("refuses text that is empty after cleaning, naming the field", async () => {
    await expect(prepareSource({ text: "Skip to content\n\nAdvertisement\n" })).rejects.toMatchObject({
      code: "unprocessable",
      errors: { text: "No article text is left after cleaning." },
    });
  });
});

describe("decodeUpload", () => {
  const upload = (name: string, bytes: Uint8Array | string, type = "") => ({ name, type, content: Buffer.from(bytes).toString("base64") });

  it("refuses binary files, invalid UTF-8, unsupported extensions and MIME types", () => {
    expect(() => decodeUpload(upload("report.pdf", "%PDF-1.7"))).toThrow(/not a supported file/);
    expect(() => decodeUpload(upload("scan.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])))).toThrow(/binary/);
    expect(() => decodeUpload(upload("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9])))).toThrow(/not UTF-8/);
    expect(() => decodeUpload(upload("notes.md", "# Hi", "application/pdf"))).toThrow(/not a text, Markdown or HTML file/);
  });

  it("accepts UTF-8 text files by extension", () => {
    expect(decodeUpload(upload("notes.MD", "# Café ☕", "text/markdown"))).toEqual({ format: "markdown", content: "# Café ☕" });
    expect(decodeUpload(upload("page.html", "<p>x</p>"))).toEqual({ format: "html", content: "<p>x</p>" });
  });
});
