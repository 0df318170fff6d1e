/**
 * Markdown → plain text for import: the words an analyst reads, without the
 * markup. Headings, emphasis, code, links and images (→ their text), block
 * quotes, list markers (→ "• " bullets, numbers kept), rules, reference link
 * definitions and YAML front matter are stripped; line and paragraph breaks
 * stay. Deliberately small: it is not a renderer, and never produces HTML.
 *
 * Linear time: block patterns below are anchored at the line start and each
 * can fail in only one way per character (no nested or adjacent quantifiers
 * over the same characters); headings and inline markup (markdown-inline.ts)
 * are parsed by hand. Lines are produced one at a time (a generator), so a
 * 5 MB file of short lines never becomes arrays of millions of strings.
 */
import { linesOf } from "./lines";
import { inline } from "./markdown-inline";

export type MarkdownExtraction = { text: string; title?: string };
export type MarkdownLines = { lines: Iterable<string>; title?: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
/** Lines longer than this are converted without being remembered. */
const MEMO_MAX = 200;

export function markdownToText(markdown: string): MarkdownExtraction {
  const { lines, title } = markdownToLines(markdown);
  return {
    text: [...lines]
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
    title,
  };
}

/**
 * The text's lines without the markup (blank lines not yet collapsed), for
 * importText, and the title: front matter's, else the first level-1 heading.
 * With `needsTitle: false` the heading search is skipped.
 */
export function markdownToLines(input: string, options: { needsTitle?: boolean } = {}): MarkdownLines {
  const markdown = collapseBlankLines(input);
  const front = readFrontMatter(markdown);
  const title = front.title ?? (options.needsTitle === false ? undefined : firstTitle(markdown, front.bodyLine));
  return { lines: convertedLines(markdown, front.bodyLine), title };
}

/**
 * At most two blank lines in a row. More never change Markdown's blocks, and
 * the cleaned text keeps one blank line of any run anyway; a file of
 * millions of empty lines costs one pass instead of millions of steps.
 */
export function collapseBlankLines(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  let blankRun = 0;
  let lineStart = 0;
  let isBlank = true;
  for (let index = 0; index <= text.length; index++) {
    const code = text.charCodeAt(index);
    const isEnd = index === text.length;
    if (!isEnd && code !== 0x0a && code !== 0x0d) {
      if (code !== 0x20 && code !== 0x09) isBlank = false;
      continue;
    }
    const next = code === 0x0d && text.charCodeAt(index + 1) === 0x0a ? index + 2 : index + 1;
    blankRun = isBlank ? blankRun + 1 : 0;
    if (blankRun > 2 && !isEnd) {
      parts.push(text.slice(copied, lineStart));
      copied = next;
    }
    lineStart = next;
    isBlank = true;
    index = next - 1;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join("");
}

/** YAML front matter ("---" … "---"): its title, and the index of the body's first line. */
function readFrontMatter(text: string): { title?: string; bodyLine: number } {
  const lines = linesOf(text);
  if (lines.next().value?.trim() !== "---") return { bodyLine: 0 };
  let index = 1;
  let titleLine: string | undefined;
  for (const line of lines) {
    index++;
    if (/^(?:---|\.\.\.)\s*$/.test(line)) {
      const title = titleLine
        ?.replace(/^title\s*:\s*/i, "")
        .replace(/^["']|["']$/g, "")
        .trim();
      return { title: title || undefined, bodyLine: index };
    }
    if (titleLine === undefined && /^title\s*:/i.test(line)) titleLine = line;
  }
  return { bodyLine: 0 };
}

type Block =
  | { kind: "heading"; level: number; text: string; isSetext: boolean; underline?: string }
  | { kind: "line"; text: string; first: string }
  | { kind: "verbatim"; text: string }
  | { kind: "rule" };

/** The body's blocks, line by line, with one line of lookahead (setext underlines). */
function* blocks(text: string, bodyLine: number): Generator<Block> {
  const lines = linesOf(text);
  for (let skipped = 0; skipped < bodyLine; skipped++) lines.next();
  let fence: string | null = null;
  let current = lines.next();
  while (!current.done) {
    const line = current.value;
    let next = lines.next();
    const first = firstMark(line);
    const fenceMatch = first === "`" || first === "~" ? line.match(FENCE) : null;
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      else yield { kind: "verbatim", text: line };
    } else if (fenceMatch) {
      fence = fenceMatch[1]!.slice(0, 3);
    } else if (!next.done && isSetextUnderline(next.value) && line.trim() !== "" && !isListItem(line)) {
      yield { kind: "heading", level: 0, text: line.trim(), isSetext: true, underline: next.value };
      next = lines.next(); // the underline goes
    } else {
      const atx = first === "#" ? parseAtxHeading(line) : undefined;
      if (atx) yield { kind: "heading", level: atx.level, text: atx.text, isSetext: false };
      else if ((first === "-" || first === "*" || first === "_") && isThematicBreak(line)) yield { kind: "rule" };
      else if (!(first === "[" && /^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line))) yield { kind: "line", text: line, first }; // else: a reference link definition
    }
    current = next;
  }
}

/** The first level-1 heading (ATX "#" or setext "===") as text. */
function firstTitle(text: string, bodyLine: number): string | undefined {
  for (const block of blocks(text, bodyLine)) {
    if (block.kind !== "heading") continue;
    if (block.isSetext ? block.underline!.trim().startsWith("=") : block.level === 1) return inline(block.text);
  }
  return undefined;
}

function* convertedLines(text: string, bodyLine: number): Generator<string> {
  // Ordinary lines repeat (and hostile inputs repeat them a lot): convert each distinct one once.
  const converted = new Map<string, string>();
  for (const block of blocks(text, bodyLine)) {
    if (block.kind === "verbatim") yield block.text;
    else if (block.kind === "rule") yield "";
    else if (block.kind === "heading") {
      if (!block.isSetext) yield "";
      yield inline(block.text);
      yield "";
    } else {
      let line = block.text.length <= MEMO_MAX ? converted.get(block.text) : undefined;
      if (line === undefined) {
        line = blockLine(block.text, block.first);
        if (block.text.length <= MEMO_MAX) converted.set(block.text, line);
      }
      yield line;
    }
  }
}

/**
 * "* * *", "---", "_ _ _": up to three blanks, then only "-", "*", "_" and
 * blanks, at least three marks. By hand: a regular expression with a repeated
 * group keeps a backtracking entry per repetition and overflows on a long line.
 */
function isThematicBreak(line: string): boolean {
  let index = 0;
  while (index < 3 && isBlank(line[index])) index++;
  let marks = 0;
  for (; index < line.length; index++) {
    const char = line[index]!;
    if (char === "-" || char === "*" || char === "_") marks++;
    else if (!isBlank(char) || marks === 0) return false;
  }
  return marks >= 3;
}

/** Block quote markers ("> > text" → "text"): up to three blanks, then ">" each optionally followed by one blank. */
function stripQuoteMarkers(line: string): string {
  let index = 0;
  while (index < 3 && isBlank(line[index])) index++;
  if (line[index] !== ">") return line;
  while (line[index] === ">") {
    index++;
    if (isBlank(line[index])) index++;
  }
  return line.slice(index);
}

function isSetextUnderline(line: string): boolean {
  const first = firstMark(line);
  return (first === "=" || first === "-") && /^\s{0,3}(?:=+|-+)\s*$/.test(line);
}

function isListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d{1,9}[.)])\s+/.test(line);
}

const isBlank = (char: string | undefined) => char !== undefined && /^\s$/.test(char);

/** The first non-blank character of a line ("" for a blank line): decides which block rules can apply. */
function firstMark(line: string): string {
  for (let index = 0; index < line.length; index++) if (!isBlank(line[index])) return line[index]!;
  return "";
}

function blockLine(line: string, first: string): string {
  let rest = line;
  if (first === ">") rest = stripQuoteMarkers(rest);
  // After quote markers the line may start with a bullet.
  if (first === ">" || first === "-" || first === "*" || first === "+") rest = rest.replace(/^(\s*)[-*+]\s+(?:\[[ xX]\]\s+)?/, "$1• ");
  return inline(rest);
}

/**
 * "## Heading ##" → level 2, "Heading": up to three spaces, one to six "#",
 * whitespace, the text, and an optional closing run of "#" after whitespace.
 */
export function parseAtxHeading(line: string): { level: number; text: string } | undefined {
  let index = 0;
  while (index < 3 && isBlank(line[index])) index++;
  let hashes = 0;
  while (line[index + hashes] === "#") hashes++;
  if (hashes < 1 || hashes > 6 || !isBlank(line[index + hashes])) return undefined;
  let start = index + hashes;
  while (isBlank(line[start])) start++;
  let end = line.length;
  while (end > start && isBlank(line[end - 1])) end--;
  // A closing sequence: "#"s at the end, preceded by whitespace.
  let closing = end;
  while (closing > start && line[closing - 1] === "#") closing--;
  if (closing < end && closing > start && isBlank(line[closing - 1])) {
    end = closing;
    while (end > start && isBlank(line[end - 1])) end--;
  }
  return { level: hashes, text: line.slice(start, end) };
}
