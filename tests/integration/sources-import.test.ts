import { describe, expect, it } from "vitest";

import { createAnnotation } from "@/lib/annotations/service";
import { createComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { createSource, listSources, previewSource, updateSource } from "@/lib/sources/service";

import { counts, createActor, spanOf, uniqueTitle } from "./sources-support";

describe("creating sources", () => {
  it("stores the cleaned text, the raw original and its hash", async () => {
    const analyst = await createActor();
    const raw = "Skip to content\r\nMali's army 🪖 splits.\r\n\r\nRead also: Latest\r\nSecond paragraph — שלום.\r\n";
    const source = await createSource(analyst, {
      title: "Army splits",
      outlet: "Sahel Post",
      text: raw,
      publishedAt: "2025-06-07",
      language: "en",
    });
    expect(source.text).toBe("Mali's army 🪖 splits.\n\nSecond paragraph — שלום.");
    expect(source.removed.map((line) => line.line)).toEqual(["Skip to content", "Read also: Latest"]);
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored).toMatchObject({ rawContent: raw, rawFormat: "text", outlet: "Sahel Post", createdById: analyst.id });
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = (await listSources(analyst)).find((entry) => entry.id === source.id);
    expect(listed).toMatchObject({ title: "Army splits", publishedAt: "2025-06-07", isTextLocked: false });
    expect(listed).not.toHaveProperty("text");
  });

  it("refuses a 600,000-character text with 413 and stores nothing", async () => {
    const analyst = await createActor();
    const before = await counts();
    const huge = `${"Word ".repeat(120_000)}`;
    expect(huge.length).toBe(600_000);
    await expect(createSource(analyst, { title: "Huge", text: huge })).rejects.toMatchObject({ status: 413 });
    await expect(previewSource(analyst, { text: huge })).rejects.toMatchObject({ status: 413 });
    await expect(
      createComparison(analyst, {
        title: "Huge pair",
        sources: [
          { title: "Fine", text: "A short, fine article." },
          { title: "Huge", text: huge },
        ],
      }),
    ).rejects.toMatchObject({ status: 413, errors: { "sources.1.text": expect.stringContaining("500,000") } });
    expect(await counts()).toEqual(before);
  });

  it("refuses missing titles and empty text with field errors, storing nothing", async () => {
    const analyst = await createActor();
    const before = await counts();
    await expect(createSource(analyst, { text: "Some text without a title." })).rejects.toMatchObject({
      status: 422,
      errors: { title: "Give the source a title." },
    });
    await expect(createSource(analyst, { title: "Empty", text: "  \n\nSkip to content\n" })).rejects.toMatchObject({
      status: 422,
      errors: { text: expect.any(String) },
    });
    await expect(createSource(analyst, { title: "Nothing" })).rejects.toMatchObject({ status: 422 });
    await expect(
      createSource(analyst, { title: "Binary", file: { name: "x.txt", content: Buffer.from([0x41, 0, 0x42]).toString("base64") } }),
    ).rejects.toMatchObject({
      status: 422,
      errors: { file: expect.stringMatching(/binary/) },
    });
    expect(await counts()).toEqual(before);
  });

  it("imports HTML as plain text, takes the title from the page, keeps the HTML as provenance", async () => {
    const analyst = await createActor();
    const html = `<html lang="fr"><head><title>Le retrait</title></head><body><nav>Accueil | Monde</nav><article><h1>Le retrait</h1><p onclick="x()">Premier paragraphe de l'article, assez long pour être retenu.</p><script>alert(1)</script><p>Second<br>ligne.</p></article><footer>Mentions légales</footer></body></html>`;
    const source = await createSource(analyst, { html });
    expect(source).toMatchObject({ title: "Le retrait", language: "fr" });
    expect(source.text).toBe("Premier paragraphe de l'article, assez long pour être retenu.\n\nSecond\nligne.");
    const stored = await db.source.findUniqueOrThrow({ where: { id: source.id }, select: { rawContent: true, rawFormat: true } });
    expect(stored).toEqual({ rawContent: html, rawFormat: "html" });
  });
});

describe("text changes of an annotated source", () => {
  it("keeps metadata editable and turns a text change into a new version that re-anchors the span", async () => {
    const analyst = await createActor();
    const left = await createSource(analyst, {
      title: uniqueTitle("Left"),
      text: "Wagner is leaving Mali, claiming mission accomplished.",
    });
    const right = await createSource(analyst, { title: uniqueTitle("Right"), text: "Most fighters reappeared under the Africa Corps." });
    expect(await updateSource(analyst, left.id, { text: "Wagner is leaving Mali, claiming mission accomplished. Updated." })).toMatchObject(
      { isTextLocked: false, version: { changed: true, version: { number: 2, origin: "paste" } } },
    );

    const comparison = await createComparison(analyst, { title: uniqueTitle("Pair"), sourceIds: [left.id, right.id] });
    const leftNow = await db.source.findUniqueOrThrow({ where: { id: left.id }, select: { id: true, text: true } });
    await createAnnotation(analyst, comparison.id, {
      kind: "note",
      rationale: "Claim.",
      spans: [spanOf(leftNow, "claiming mission accomplished")],
    });

    const changed = await updateSource(analyst, left.id, { text: "Something else entirely." });
    expect(changed).toMatchObject({
      isTextLocked: true,
      version: { changed: true, version: { number: 3 }, summary: { unchanged: 0, changed: 0, orphaned: 1, annotationsFlagged: 1 } },
    });
    const span = await db.span.findFirstOrThrow({
      where: { sourceId: left.id },
      select: { exact: true, anchorStatus: true, version: { select: { number: true } } },
    });
    expect(span).toEqual({ exact: "claiming mission accomplished", anchorStatus: "orphaned", version: { number: 2 } });

    const renamed = await updateSource(analyst, left.id, {
      title: "Wagner leaves",
      outlet: "CNews",
      author: null,
      url: "https://example.org/a",
      publishedAt: "2025-06-01",
      language: "en",
    });
    expect(renamed).toMatchObject({
      title: "Wagner leaves",
      outlet: "CNews",
      url: "https://example.org/a",
      publishedAt: "2025-06-01",
      isTextLocked: true,
    });
    expect(renamed).not.toHaveProperty("version");
    expect((await db.source.findUniqueOrThrow({ where: { id: left.id } })).text).toBe("Something else entirely.");
  });
});
