/**
 * Linear passes over raw HTML before any parser sees it.
 *
 * `stripMarkup` drops what never becomes article text — comments and the
 * contents of script (JSON-LD metadata kept), style, svg, template, iframe,
 * object, textarea and noscript — and collapses each run of whitespace to a
 * space, a line break or a blank line, which the later line normalization
 * would do anyway (so the cleaned text is the same). Bloated pages shrink to
 * their text, and a 5 MB run of blanks cannot cost the parser anything.
 *
 * `measureHtml` estimates how many elements the page has and how deeply they
 * nest. HTML parsers
 * (parse5, and jsdom on top of it) check scopes against the stack of open
 * elements and jsdom walks ancestors recursively, so a page of 30,000 nested
 * <div>s costs minutes and overflows the stack; the estimate lets such pages
 * be refused at once.
 *
 * The model: a stack of open elements. Void and self-closed elements do not
 * nest; contents of raw-text elements (script, style…) and comments are
 * skipped; an end tag closes everything above its element; a new <p>, <li>,
 * <td>… closes the previous one of its kind as the HTML parser does (within
 * its scope). It may overestimate sloppy markup slightly, never by much.
 * Every stack search is bounded because the scan stops past `maxDepth`.
 */

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "keygen",
  "basefont",
  "bgsound",
  "frame",
]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);

/** A start tag of the key closes an open element of the listed names, looking down the stack until a boundary. */
const CLOSES: Record<string, { names: readonly string[]; boundaries: readonly string[] }> = {
  p: { names: ["p"], boundaries: ["button", "table", "td", "th", "caption", "object", "template", "html"] },
  li: { names: ["li"], boundaries: ["ul", "ol", "table", "template", "html"] },
  dt: { names: ["dt", "dd"], boundaries: ["dl", "table", "template", "html"] },
  dd: { names: ["dt", "dd"], boundaries: ["dl", "table", "template", "html"] },
  option: { names: ["option"], boundaries: ["select", "datalist", "html"] },
  optgroup: { names: ["option", "optgroup"], boundaries: ["select", "html"] },
  tr: { names: ["tr", "td", "th"], boundaries: ["table", "template", "html"] },
  td: { names: ["td", "th"], boundaries: ["tr", "table", "template", "html"] },
  th: { names: ["td", "th"], boundaries: ["tr", "table", "template", "html"] },
  thead: { names: ["thead", "tbody", "tfoot", "tr", "td", "th"], boundaries: ["table", "template", "html"] },
  tbody: { names: ["thead", "tbody", "tfoot", "tr", "td", "th"], boundaries: ["table", "template", "html"] },
  tfoot: { names: ["thead", "tbody", "tfoot", "tr", "td", "th"], boundaries: ["table", "template", "html"] },
};

export type HtmlShape = { elements: number; depth: number };

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;
const isNameChar = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x3a;

/** Pops down to (and including) the nearest `names` element, unless a boundary comes first. */
function closeOpen(stack: string[], names: readonly string[], boundaries: readonly string[]): void {
  for (let index = stack.length - 1; index >= 0; index--) {
    const open = stack[index]!;
    if (names.includes(open)) {
      stack.length = index;
      return;
    }
    if (boundaries.includes(open)) return;
  }
}

/** Elements and nesting depth; stops counting depth once it passes `maxDepth`. */
export function measureHtml(html: string, maxDepth: number): HtmlShape {
  const lower = html.toLowerCase();
  const stack: string[] = [];
  let elements = 0;
  let depth = 0;
  let nextClose = -1; // cached position of the next ">" (searches only move forward)
  for (let index = lower.indexOf("<"); index >= 0 && depth <= maxDepth; index = lower.indexOf("<", index + 1)) {
    if (lower.startsWith("<!--", index)) {
      const end = lower.indexOf("-->", index + 4);
      if (end < 0) break;
      index = end + 2;
      continue;
    }
    const isEnd = lower.charCodeAt(index + 1) === 0x2f;
    const nameStart = index + (isEnd ? 2 : 1);
    if (!isLetter(lower.charCodeAt(nameStart))) continue;
    let nameEnd = nameStart;
    while (nameEnd < lower.length && isNameChar(lower.charCodeAt(nameEnd))) nameEnd++;
    if (nextClose < nameEnd) nextClose = lower.indexOf(">", nameEnd);
    if (nextClose < 0) break;
    const name = lower.slice(nameStart, nameEnd);
    index = nextClose;
    if (isEnd) {
      if (stack.includes(name)) closeOpen(stack, [name], []);
      continue;
    }
    elements++;
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, index + 1);
      if (end < 0) break;
      index = end;
      continue;
    }
    if (VOID.has(name) || lower.charCodeAt(nextClose - 1) === 0x2f) continue;
    const closes = CLOSES[name];
    if (closes) closeOpen(stack, closes.names, closes.boundaries);
    stack.push(name);
    depth = Math.max(depth, stack.length);
  }
  return { elements, depth };
}

/** Elements whose whole content is dropped (raw text, or never rendered as article text). */
const DROPPED = /<(script|style|svg|template|iframe|object|textarea|noscript)\b/iy;
const TITLE = /<title\b/iy;
/** A page title longer than this is not a title; the rest of it is dropped before parsing. */
export const MAX_TITLE_CHARS = 1_000;
const CLOSING: Record<string, RegExp> = {};

function closingTag(name: string): RegExp {
  return (CLOSING[name] ??= new RegExp(`</${name}`, "gi"));
}

/** `text` with every run of HTML whitespace as one space, one line break, or one blank line. */
export function collapseWhitespace(text: string): string {
  const out: string[] = [];
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) continue;
    let end = index;
    let breaks = 0;
    for (; end < text.length; end++) {
      const next = text.charCodeAt(end);
      if (next === 0x0a || (next === 0x0d && text.charCodeAt(end + 1) !== 0x0a)) breaks++;
      else if (next !== 0x20 && next !== 0x09 && next !== 0x0c && next !== 0x0d) break;
    }
    const replacement = breaks === 0 ? " " : breaks === 1 ? "\n" : "\n\n";
    if (end - index > 1 || text[index] !== replacement) {
      out.push(text.slice(copied, index), replacement);
      copied = end;
    }
    index = end - 1;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join("");
}

/** The page without comments and non-text elements, whitespace collapsed (see the module comment). */
export function stripMarkup(html: string): string {
  const out: string[] = [];
  let copied = 0;
  let nextClose = -1; // cached position of the next ">" (searches only move forward)
  for (let index = html.indexOf("<"); index >= 0; index = html.indexOf("<", index + 1)) {
    // Only "<!" and "<letter" can start something to drop; a stray "<" is text.
    const next = html.charCodeAt(index + 1);
    if (next !== 0x21 && !isLetter(next)) continue;
    let dropTo = -1;
    if (html.startsWith("<!--", index)) {
      const end = html.indexOf("-->", index + 4);
      dropTo = end < 0 ? html.length : end + 3;
    } else {
      TITLE.lastIndex = index;
      if (TITLE.test(html)) {
        // Keep the start tag and the title's first characters; drop the rest up to its end tag.
        if (nextClose <= index) nextClose = html.indexOf(">", index);
        if (nextClose < 0) break;
        const keepTo = nextClose + 1 + MAX_TITLE_CHARS;
        const closing = closingTag("title");
        closing.lastIndex = nextClose;
        const end = closing.exec(html);
        const endAt = end ? end.index : html.length;
        if (endAt > keepTo) {
          out.push(html.slice(copied, keepTo));
          copied = endAt;
        }
        index = endAt - 1;
        continue;
      }
      DROPPED.lastIndex = index;
      const match = DROPPED.exec(html);
      if (!match) continue;
      if (nextClose <= index) nextClose = html.indexOf(">", index);
      if (nextClose < 0) break;
      const name = match[1]!.toLowerCase();
      // JSON-LD carries the headline, author and date that Readability reads.
      if (name === "script" && /ld\+json/i.test(html.slice(index, nextClose))) {
        index = nextClose;
        continue;
      }
      const closing = closingTag(name);
      closing.lastIndex = nextClose;
      const end = closing.exec(html);
      const endTag = end ? html.indexOf(">", end.index) : -1;
      dropTo = endTag < 0 ? html.length : endTag + 1;
    }
    out.push(html.slice(copied, index));
    copied = dropTo;
    index = dropTo - 1;
  }
  out.push(html.slice(copied));
  return collapseWhitespace(out.join(""));
}
