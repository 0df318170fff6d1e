import { fontPath, type ReportFont } from "@/lib/reports/fonts";

type Doc = PDFKit.PDFDocument;

export function setStyle(doc: Doc, font: ReportFont, size: number, color: string): Doc {
  return doc.font(fontPath(font)).fontSize(size).fillColor(color);
}

const strongChar = /[\p{L}]/u;
const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** Direction of a paragraph from its first letter (the Unicode bidi default). */
export function isRtl(text: string): boolean {
  const first = strongChar.exec(text);
  return first ? rtlChar.test(first[0]) : false;
}

/**
 * pdfkit shapes each word on its own, which puts right-to-left words in
 * left-to-right order. Passing `features` makes it shape whole lines, so
 * fontkit orders Hebrew and Arabic lines correctly; they are then right-aligned.
 */
export function textOptions(text: string, options: PDFKit.Mixins.TextOptions): PDFKit.Mixins.TextOptions {
  return isRtl(text) ? { ...options, features: [], align: "right" } : options;
}

const fittedLines = new WeakMap<Doc, Map<string, string>>();

/** One line that fits `width` in the current style (named by `styleKey` for the per-document cache). */
export function fitLine(doc: Doc, text: string, width: number, styleKey: string): string {
  let cache = fittedLines.get(doc);
  if (!cache) fittedLines.set(doc, (cache = new Map()));
  const key = `${styleKey}|${width}|${text}`;
  let fitted = cache.get(key);
  if (fitted === undefined) {
    fitted = shorten(doc, text, width);
    cache.set(key, fitted);
  }
  return fitted;
}

function shorten(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid).trimEnd()}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });

const formattedDates = new Map<string, string>();

export function formatDate(date: Date | string): string {
  const day = typeof date === "string" ? date : date.toISOString().slice(0, 10);
  let formatted = formattedDates.get(day);
  if (!formatted) {
    formatted = dateFormat.format(new Date(`${day}T00:00:00Z`));
    if (formattedDates.size < 10_000) formattedDates.set(day, formatted);
  }
  return formatted;
}

export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`;
}

// DejaVu Serif covers Latin, Greek and Cyrillic; DejaVu Sans also covers
// Hebrew, Arabic and more, so quotes with other scripts are set in Sans.
const beyondSerif = /[^\u0000-\u052F\u1E00-\u1FFF\u2000-\u22FF\u2C60-\u2C7F\uA720-\uA7FF\uFB00-\uFB06]/u;

export function quoteFont(text: string): ReportFont {
  return beyondSerif.test(text) ? "sans" : "serif";
}
