/**
 * Turns a raw plain-text scrape into the normalized text that is displayed
 * and annotated, and reports every line it dropped so the UI can show the
 * cleaned text next to what was removed. Pure and DOM-free: runs in the
 * browser for previews and on the server at import.
 *
 * Line rules, in order (each applies to a normalized, non-blank line):
 * 1. boilerplate — the line matches a rule in `BOILERPLATE_RULES`.
 * 2. url — a bare URL directly after a boilerplate line that introduces a
 *    link (the channel link under "Follow … on WhatsApp:"). Bare URLs
 *    elsewhere are kept: they may be the article's references.
 * 3. title — the line equals `options.title` (ignoring case, quote style and
 *    trailing punctuation), wherever it occurs: the title is shown separately,
 *    and scrapes repeat it in headers and breadcrumbs.
 * 4. header — a short line ABOVE the title's first occurrence (when the
 *    title is among the first lines): a kicker, an SEO headline or a teaser
 *    of the page header. Only headline-like lines that are not full
 *    sentences go, plus a standfirst that the page repeats below the title
 *    (its copy below stays); a sentence above the title (a sample notice, a
 *    dateline paragraph) is kept.
 * 5. duplicate-headline — a short line (under 200 characters, at least three
 *    words) identical to an earlier line. Scrapes repeat headlines and
 *    standfirsts; the first occurrence is kept.
 * Repeated LONG lines (paragraphs) are kept: dropping body text silently
 * would be worse than reading a paragraph twice. They are counted in
 * `stats.repeatedParagraphs` so the UI can point them out.
 *
 * The output is idempotent: importText(importText(x).text).text equals
 * importText(x).text.
 */
import { isBareUrl, matchBoilerplate } from "./boilerplate";
import { joinLines, looseKey, normalizeLine, toNormalizedLines } from "./normalize";

export type RemovalReason = "boilerplate" | "url" | "title" | "header" | "duplicate-headline";

export type RemovedLine = {
  /** The line as normalized (what it would have looked like in the text). */
  line: string;
  reason: RemovalReason;
  /** 1-based line number in the raw text once its line breaks are unified. */
  lineNumber: number;
  /** For `boilerplate`: the id of the rule that matched. */
  rule?: string;
};

export type ImportStats = {
  rawChars: number;
  textChars: number;
  /** Blocks separated by a blank line. */
  paragraphs: number;
  removedLines: number;
  /** Long lines that occur more than once and were kept. */
  repeatedParagraphs: number;
};

export type ImportResult = {
  text: string;
  removed: RemovedLine[];
  stats: ImportStats;
};

export type ImportTextOptions = {
  /** The source title, displayed separately; its copies are removed from the text. */
  title?: string;
};

/** Lines shorter than this may be headlines; longer ones are body text. */
export const SHORT_LINE_MAX = 200;
const HEADLINE_MIN_WORDS = 3;

/** The title must be among this many first non-blank lines for the lines above it to count as a page header. */
const HEADER_MAX_LINES = 15;

function isHeadlineLike(line: string): boolean {
  if (line.length >= SHORT_LINE_MAX) return false;
  const words = line.split(" ").filter((word) => /\p{L}|\p{N}/u.test(word));
  return words.length >= HEADLINE_MIN_WORDS;
}

/** Ends like a sentence, or holds more than one: body text, not a headline. */
function isSentenceLike(line: string): boolean {
  return /[.!…]["”’»)]*$/u.test(line) || /[.!?]["”’»)]* \p{Lu}/u.test(line);
}

/** Index of the title's first line when it is near the top, else -1. */
function findTitleLine(lines: string[], titleKey: string | undefined): number {
  if (titleKey === undefined) return -1;
  let seen = 0;
  for (const [index, line] of lines.entries()) {
    if (line === "") continue;
    if (looseKey(line) === titleKey) return index;
    if (++seen >= HEADER_MAX_LINES) return -1;
  }
  return -1;
}

/**
 * The headline of a plain-text article: its first line that is not
 * boilerplate, when that line reads like a headline (short, at least three
 * words, not a full sentence). Pasted articles usually start with it; the
 * import then shows it as the title instead of in the text.
 */
export function guessHeadline(raw: string): string | undefined {
  for (const line of toNormalizedLines(raw)) {
    if (line === "" || matchBoilerplate(line)) continue;
    return isHeadlineLike(line) && !isSentenceLike(line) ? line : undefined;
  }
  return undefined;
}

export function importText(raw: string, options: ImportTextOptions = {}): ImportResult {
  const lines = toNormalizedLines(raw);
  const title = options.title === undefined ? "" : normalizeLine(options.title);
  const titleKey = title === "" ? undefined : looseKey(title);

  const titleLine = findTitleLine(lines, titleKey);
  const belowTitle = new Set(titleLine < 0 ? [] : lines.slice(titleLine + 1));

  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  const seenShort = new Set<string>();
  const seenLong = new Set<string>();
  const repeatedLong = new Set<string>();
  // Whether the previous non-blank line was removed by a rule that introduces a link.
  let isAfterLinkIntro = false;

  lines.forEach((line, index) => {
    if (line === "") {
      kept.push(line);
      return;
    }
    const remove = (reason: RemovalReason, rule?: string) =>
      removed.push({
        line,
        reason,
        lineNumber: index + 1,
        ...(rule ? { rule } : {}),
      });

    const rule = matchBoilerplate(line);
    if (rule) {
      remove("boilerplate", rule.id);
      isAfterLinkIntro = rule.introducesLink === true;
      return;
    }
    if (isAfterLinkIntro && isBareUrl(line)) {
      remove("url");
      return; // a second URL under the same invitation goes too
    }
    isAfterLinkIntro = false;

    if (titleKey !== undefined && looseKey(line) === titleKey) {
      remove("title");
      return;
    }
    if (index < titleLine && isHeadlineLike(line) && (belowTitle.has(line) || !isSentenceLike(line))) {
      remove("header");
      return;
    }
    if (isHeadlineLike(line)) {
      if (seenShort.has(line)) {
        remove("duplicate-headline");
        return;
      }
      seenShort.add(line);
    } else if (line.length >= SHORT_LINE_MAX) {
      if (seenLong.has(line)) repeatedLong.add(line);
      seenLong.add(line);
    }
    kept.push(line);
  });

  const text = joinLines(kept);
  return {
    text,
    removed,
    stats: {
      rawChars: raw.length,
      textChars: text.length,
      paragraphs: text === "" ? 0 : text.split("\n\n").length,
      removedLines: removed.length,
      repeatedParagraphs: repeatedLong.size,
    },
  };
}
