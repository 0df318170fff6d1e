import "server-only";

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

export function extractHtml(html: string, options: { url?: string } = {}): HtmlExtraction {
  const dom = new JSDOM(html, { url: options.url, virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  const language = document.documentElement.getAttribute("lang") ?? undefined;
  const article = new Readability<Node>(document.cloneNode(true) as Document, { serializer: (node) => node }).parse();
  let root: Node | null | undefined = article?.content;
  if (!root || !(root.textContent ?? "").trim()) {
    document.querySelectorAll(CHROME).forEach((element) => element.remove());
    root = document.body;
  }
  const text = root ? toPlainText(root) : "";
  dom.window.close();
  return {
    text,
    title: clean(article?.title) ?? clean(document.title),
    author: clean(article?.byline),
    outlet: clean(article?.siteName),
    publishedAt: toDate(article?.publishedTime),
    language: shortLanguage(clean(article?.lang) ?? language),
  };
}

const PARAGRAPH_BREAK = "\u0001";
const LINE_BREAK = "\u0002";

/** Text of a DOM subtree with paragraph structure kept as line breaks. */
export function toPlainText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, isPre: boolean) => {
    if (node.nodeType === 3) {
      const data = (node.nodeValue ?? "").replace(/[\u0001\u0002]/g, "");
      out.push(isPre ? data : data.replace(/[ \t\n\r\f]+/g, " "));
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return; // comments, processing instructions
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIPPED.has(tag)) return;
    if (tag === "BR") {
      out.push("\n");
      return;
    }
    const separator = BLOCKS.has(tag) ? PARAGRAPH_BREAK : LINES.has(tag) ? LINE_BREAK : tag === "TD" || tag === "TH" ? " " : "";
    out.push(separator);
    for (const child of Array.from(node.childNodes)) walk(child, isPre || tag === "PRE");
    out.push(separator);
  };
  walk(root, false);
  // Adjacent boundaries merge: two list items are one line break apart, a list and a paragraph one blank line.
  return out
    .join("")
    .replace(/[ \u0001\u0002]*[\u0001\u0002][ \u0001\u0002]*/g, (run) => (run.includes(PARAGRAPH_BREAK) ? "\n\n" : "\n"))
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
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
  return value && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value) ? value : undefined;
}
