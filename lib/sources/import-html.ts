/**
 * HTML → plain text for import. jsdom parses the page without running scripts
 * or loading resources; Readability picks the article out of the navigation,
 * ads and footers; a small DOM walk turns the article into lines (blocks →
 * blank lines, <br> → line break, list items → lines). Scripts, styles,
 * comments and attributes (event handlers included) never reach the text. The
 * result is plain text for importText; no HTML is ever rendered from it.
 */
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

import { measureHtml, stripMarkup } from "./html-prescan";
import { isLanguageTag } from "./language";

export type HtmlExtraction = {
  text: string;
  title?: string;
  author?: string;
  outlet?: string;
  publishedAt?: string;
  language?: string;
};

const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "CANVAS",
  "HEAD",
  "BUTTON",
  "SELECT",
  "INPUT",
  "TEXTAREA",
  "FORM",
]);
/** Page chrome removed before the fallback extraction when Readability finds no article. */
const CHROME = "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TBODY",
  "THEAD",
  "TFOOT",
  "UL",
  "DETAILS",
  "SUMMARY",
]);
const LINES = new Set(["LI", "TR", "CAPTION"]);

/** More elements than this and the page is refused before parsing: DOM building is the slow part of an import. */
export const MAX_HTML_ELEMENTS = 50_000;
/** Deeper nesting than this is refused: it only occurs in broken or hostile markup, and tree code recurses. */
export const MAX_HTML_DEPTH = 512;
/**
 * Above this many elements, or this much markup left after stripMarkup,
 * Readability (whose cost grows faster than the page, and which re-parses the
 * page up to four times when it finds little text) is skipped for the plain
 * extraction.
 */
const READABILITY_MAX_ELEMENTS = 8_000;
const READABILITY_MAX_CHARS = 1_000_000;
/** Attribute values and the title are cut to this length before Readability's own regular expressions see them. */
const MAX_ATTRIBUTE_CHARS = 1_000;

export class HtmlTooComplexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HtmlTooComplexError";
  }
}

/** Long attribute values (data: URLs, giant class lists) carry no article text; cut them. */
function shortenAttributes(document: Document): void {
  for (const element of Array.from(document.getElementsByTagName("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.value.length > MAX_ATTRIBUTE_CHARS) attribute.value = attribute.value.slice(0, MAX_ATTRIBUTE_CHARS);
    }
  }
  if (document.title.length > MAX_ATTRIBUTE_CHARS) document.title = document.title.slice(0, MAX_ATTRIBUTE_CHARS);
}

function parseHtml(html: string, url: string | undefined): JSDOM {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

export function extractHtml(page: string, options: { url?: string } = {}): HtmlExtraction {
  const html = stripMarkup(page);
  // Measured before parsing: DOM building is the slow part, and deep trees overflow jsdom's recursion.
  const { elements, depth } = measureHtml(html, MAX_HTML_DEPTH);
  if (depth > MAX_HTML_DEPTH) {
    throw new HtmlTooComplexError(`The page's HTML is nested more than ${MAX_HTML_DEPTH} levels deep. Paste the article's text instead.`);
  }
  if (elements > MAX_HTML_ELEMENTS) {
    throw new HtmlTooComplexError(
      `The page has ${elements.toLocaleString("en")} HTML elements; at most ${MAX_HTML_ELEMENTS.toLocaleString("en")} can be imported. Paste the article's text instead.`,
    );
  }
  try {
    return extractFromDom(html, elements, options.url);
  } catch (error) {
    // A tree deeper than the estimate said: refused like one that was measured.
    if (error instanceof RangeError)
      throw new HtmlTooComplexError("The page's HTML is nested too deeply. Paste the article's text instead.");
    throw error;
  }
}

function extractFromDom(html: string, elements: number, url: string | undefined): HtmlExtraction {
  const dom = parseHtml(html, url);
  const document = dom.window.document;
  shortenAttributes(document);
  const language = document.documentElement.getAttribute("lang") ?? undefined;
  const pageTitle = document.title;
  const isReadable = elements <= READABILITY_MAX_ELEMENTS && html.length <= READABILITY_MAX_CHARS;
  const article = isReadable ? new Readability<Node>(document, { serializer: (node) => node }).parse() : null;
  let root: Node | null | undefined = article?.content;
  let fallback: JSDOM | undefined;
  if (!root || !(root.textContent ?? "").trim()) {
    // Readability changed the document it read; the plain extraction needs an unchanged one.
    fallback = isReadable ? parseHtml(html, url) : dom;
    const page = fallback.window.document;
    page.querySelectorAll(CHROME).forEach((element) => element.remove());
    root = page.body;
  }
  const text = root ? toPlainText(root) : "";
  dom.window.close();
  fallback?.window.close();
  return {
    text,
    title: clean(article?.title) ?? clean(pageTitle),
    author: clean(article?.byline),
    outlet: clean(article?.siteName),
    publishedAt: toDate(article?.publishedTime),
    language: shortLanguage(clean(article?.lang) ?? language),
  };
}

const PARAGRAPH_BREAK = "\u0001";
const LINE_BREAK = "\u0002";

type Frame = { node: Node; isPre: boolean; separator?: string };

/** Text of a DOM subtree with paragraph structure kept as line breaks. */
export function toPlainText(root: Node): string {
  const out: string[] = [];
  // Explicit stack instead of recursion: a deep page must not overflow the call stack.
  // A frame with `separator` set closes its element.
  const stack: Frame[] = [{ node: root, isPre: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.separator !== undefined) {
      out.push(frame.separator);
      continue;
    }
    const { node, isPre } = frame;
    if (node.nodeType === 3) {
      const data = removeMarkers(node.nodeValue ?? "");
      out.push(isPre ? data : data.replace(/[ \t\n\r\f]+/g, " "));
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue; // comments, processing instructions
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIPPED.has(tag)) continue;
    if (tag === "BR") {
      out.push("\n");
      continue;
    }
    const separator = BLOCKS.has(tag) ? PARAGRAPH_BREAK : LINES.has(tag) ? LINE_BREAK : tag === "TD" || tag === "TH" ? " " : "";
    out.push(separator);
    stack.push({ node, isPre, separator });
    const children = Array.from(node.childNodes);
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index]!, isPre: isPre || tag === "PRE" });
  }
  return mergeBoundaries(out.join(""))
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function removeMarkers(text: string): string {
  return text.includes(PARAGRAPH_BREAK) || text.includes(LINE_BREAK) ? text.replace(/[\u0001\u0002]+/g, "") : text;
}

const isBoundaryChar = (char: string | undefined) => char === " " || char === PARAGRAPH_BREAK || char === LINE_BREAK;

/**
 * Adjacent boundaries merge: a run of spaces and block markers becomes one
 * blank line if it holds a block boundary, else one line break. Two list
 * items are one line break apart, a list and a paragraph one blank line.
 * Runs without a marker (spaces inside <pre>) stay as they are.
 */
function mergeBoundaries(text: string): string {
  if (!text.includes(PARAGRAPH_BREAK) && !text.includes(LINE_BREAK)) return text;
  let out = "";
  let index = 0;
  while (index < text.length) {
    if (!isBoundaryChar(text[index])) {
      const next = nextBoundary(text, index);
      out += text.slice(index, next);
      index = next;
      continue;
    }
    let end = index;
    let hasParagraph = false;
    let hasLine = false;
    while (end < text.length && isBoundaryChar(text[end])) {
      if (text[end] === PARAGRAPH_BREAK) hasParagraph = true;
      else if (text[end] === LINE_BREAK) hasLine = true;
      end++;
    }
    out += hasParagraph ? "\n\n" : hasLine ? "\n" : text.slice(index, end);
    index = end;
  }
  return out;
}

const BOUNDARY = /[ \u0001\u0002]/g;

function nextBoundary(text: string, from: number): number {
  BOUNDARY.lastIndex = from;
  return BOUNDARY.exec(text)?.index ?? text.length;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : undefined;
}

function toDate(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  // Keep the date as the page states it, not shifted to UTC.
  const stated = value.trim().match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  if (stated) return stated;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function shortLanguage(value: string | undefined): string | undefined {
  return value && isLanguageTag(value) ? value : undefined;
}
