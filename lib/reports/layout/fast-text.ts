// Draws the lines of one pre-wrapped block as a single PDF text object.
// pdfkit's own path (doc.text or its per-line _fragment) opens a graphics
// state and a text object for every line and lays every line out again; for
// a 1,000-section report that is most of the time. This writes what
// _fragment writes for plain left-aligned text (Tm + TJ per line), built
// from per-word encodings made by pdfkit's own font encoder, so glyph
// subsetting and the ToUnicode map (text selection and search) stay
// pdfkit's. pdfkit lays text out word by word too (split after each space),
// so the glyphs and kerning are the same. It relies on internals of the
// pinned pdfkit 0.20; if they are missing, or a word needs glyph offsets
// (combining marks), the caller falls back to pdfkit's per-line drawing.
//
// Words in simple scripts (Latin, Greek, Cyrillic without combining marks)
// skip OpenType shaping altogether: one glyph per character from the font's
// cmap, its advance width from hmtx, no kerning — measured (measureSimple)
// and drawn the same way. Shaping every distinct word through fontkit was
// most of the time, and most of the garbage, of a report with a realistic
// vocabulary. Other scripts still go through pdfkit's encoder.

import { emojiFontOf, emojiRuns, hasEmoji } from "@/lib/reports/layout/emoji";

type Doc = PDFKit.PDFDocument;

type GlyphPosition = { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number };

type FontkitGlyph = { id: number; advanceWidth: number };

type InternalFont = {
  id: string;
  ascender: number;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
  /** The fontkit font, its subset and the width/ToUnicode tables pdfkit embeds. */
  font?: { glyphForCodePoint(codePoint: number): FontkitGlyph };
  subset?: { includeGlyph(id: number): number };
  widths?: number[];
  unicode?: number[][];
  scale?: number;
};

type InternalDoc = Doc & { _font?: InternalFont; _fontSize?: number; page: { fonts?: Record<string, unknown> } };

/** A word's glyphs as TJ array elements, or null when it needs glyph offsets. */
type Segment = string | null;

const segmentCache = new WeakMap<InternalFont, Map<string, Segment>>();

/** Latin, Greek and Cyrillic letters and common punctuation, without combining marks. */
const simpleText = /^[\u0020-\u007E\u00A0-\u024F\u0370-\u03FF\u0400-\u0482\u048A-\u04FF\u2010-\u2027\u2030-\u205E\u20AC\u2122]*$/;

type SimpleGlyph = { hex: string; advance: number } | null;
const glyphCache = new WeakMap<InternalFont, Map<number, SimpleGlyph>>();

function simpleGlyph(font: InternalFont, codePoint: number): SimpleGlyph {
  let cache = glyphCache.get(font);
  if (!cache) glyphCache.set(font, (cache = new Map()));
  let found = cache.get(codePoint);
  if (found !== undefined) return found;
  found = null;
  const glyph = font.font!.glyphForCodePoint(codePoint);
  if (glyph && glyph.id !== 0) {
    // What pdfkit's encode() records for each glyph: subset id, width and the text it stands for.
    const gid = font.subset!.includeGlyph(glyph.id);
    const advance = glyph.advanceWidth * font.scale!;
    font.widths![gid] ??= advance;
    font.unicode![gid] ??= [codePoint];
    found = { hex: `0000${gid.toString(16)}`.slice(-4), advance };
  }
  cache.set(codePoint, found);
  return found;
}

function canEncodeSimply(font: InternalFont, text: string): boolean {
  return Boolean(font.font && font.subset && font.widths && font.unicode && font.scale) && simpleText.test(text);
}

/** Glyph hex and advance (1/1000 em) of a simple word, or null. */
function encodeSimple(font: InternalFont, text: string): { hex: string; advance: number } | null {
  if (!canEncodeSimply(font, text)) return null;
  let hex = "";
  let advance = 0;
  for (const char of text) {
    const glyph = simpleGlyph(font, char.codePointAt(0)!);
    if (!glyph) return null;
    hex += glyph.hex;
    advance += glyph.advance;
  }
  return { hex, advance };
}

const widthCache = new WeakMap<InternalFont, Map<string, number | null>>();

/**
 * Width of `text` in the current font and size, the way drawLinesFast draws
 * it; null when the text needs shaping (measure with pdfkit then).
 */
export function measureSimple(doc: Doc, text: string): number | null {
  const internal = doc as InternalDoc;
  const font = internal._font;
  const size = internal._fontSize;
  if (!font || typeof size !== "number") return null;
  let cache = widthCache.get(font);
  if (!cache) widthCache.set(font, (cache = new Map()));
  let advance = cache.get(text);
  if (advance === undefined) {
    advance = encodeSimple(font, text)?.advance ?? null;
    cache.set(text, advance);
  }
  return advance === null ? null : (advance * size) / 1000;
}

const num = (n: number) => String(Math.round(n * 1e4) / 1e4);

function encodeSegment(font: InternalFont, cache: Map<string, Segment>, text: string): Segment {
  let segment = cache.get(text);
  if (segment !== undefined) return segment;
  const simple = encodeSimple(font, text);
  if (simple) {
    segment = simple.hex ? `<${simple.hex}>` : "";
    cache.set(text, segment);
    return segment;
  }
  const [glyphs, positions] = font.encode(text);
  const parts: string[] = [];
  let start = 0;
  segment = "";
  for (let g = 0; g < positions.length; g++) {
    const pos = positions[g]!;
    if (pos.xOffset || pos.yOffset) {
      segment = null;
      break;
    }
    // Split the run where the advance differs from the glyph's width (kerning).
    const adjust = pos.xAdvance - pos.advanceWidth;
    if (adjust !== 0 || g === positions.length - 1) {
      parts.push(`<${glyphs.slice(start, g + 1).join("")}>${adjust !== 0 ? ` ${num(-adjust)}` : ""}`);
      start = g + 1;
    }
  }
  if (segment !== null) segment = parts.join(" ");
  cache.set(text, segment);
  return segment;
}

/** A word with emoji: its runs as TJ operations, switching to the emoji font and back. */
function emojiWordOps(doc: Doc, font: InternalFont, cache: Map<string, Segment>, word: string, size: number): string | null {
  const emoji = emojiFontOf(doc);
  const fonts = (doc as InternalDoc).page.fonts!;
  fonts[emoji.id] ??= emoji.ref();
  const ops: string[] = [];
  emojiRuns(word).forEach((run, i) => {
    if (!run) return;
    if (i % 2 === 0) {
      const segment = encodeSegment(font, cache, run);
      if (segment === null) throw new Error("unshapeable");
      if (segment) ops.push(`[${segment}] TJ`);
    } else {
      const [glyphs] = emoji.encode(run);
      ops.push(`/${emoji.id} ${num(size)} Tf [<${glyphs.join("")}>] TJ /${font.id} ${num(size)} Tf`);
    }
  });
  return ops.join(" ");
}

/** Returns false (drawing nothing) when the fast path does not apply. */
export function drawLinesFast(doc: Doc, lines: readonly string[], x: number, y: number, lineHeight: number): boolean {
  const internal = doc as InternalDoc;
  const font = internal._font;
  const size = internal._fontSize;
  const fonts = internal.page.fonts;
  if (!font || typeof font.encode !== "function" || typeof size !== "number" || !fonts) return false;
  let cache = segmentCache.get(font);
  if (!cache) segmentCache.set(font, (cache = new Map()));

  const pageHeight = doc.page.height;
  const baseline = (font.ascender / 1000) * size;
  const ops: string[] = ["BT", `/${font.id} ${num(size)} Tf`];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const words = line.split(" ");
    const parts: string[] = [];
    const lineOps: string[] = [];
    for (let w = 0; w < words.length; w++) {
      const word = w < words.length - 1 ? `${words[w]} ` : words[w]!;
      if (hasEmoji(word)) {
        if (parts.length) lineOps.push(`[${parts.join(" ")}] TJ`);
        parts.length = 0;
        let wordOps: string | null;
        try {
          wordOps = emojiWordOps(doc, font, cache, word, size);
        } catch {
          return false;
        }
        if (wordOps) lineOps.push(wordOps);
        continue;
      }
      const segment = encodeSegment(font, cache, word);
      if (segment === null) return false;
      if (segment) parts.push(segment);
    }
    if (parts.length) lineOps.push(`[${parts.join(" ")}] TJ`);
    ops.push(`1 0 0 1 ${num(x)} ${num(pageHeight - (y + i * lineHeight) - baseline)} Tm`, ...lineOps);
  }
  ops.push("ET");
  fonts[font.id] ??= font.ref();
  // Text space is bottom-up; pdfkit's page space is top-down (as in _fragment).
  doc.save();
  doc.transform(1, 0, 0, -1, 0, pageHeight);
  doc.addContent(ops.join("\n"));
  doc.restore();
  return true;
}
