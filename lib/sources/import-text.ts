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
 * 4. header — when the title is among the first 15 non-blank lines, a
 *    headline-like line above it that does not read like a sentence, or that
 *    comes again below the title (a page header's SEO headline and standfirst;
 *    the copy under the title stays). Only this bounded window is buffered.
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
import { isBareUrl, matchBoilerplate, type BoilerplateRule } from "./boilerplate";
import { linesOf } from "./lines";
import { isPlainAscii, joinLines, looseKey, looseKeyOfNormalized, normalizeLine } from "./normalize";

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
  /** Stop early (TextTooLongError) once the kept text certainly exceeds this many characters. */
  maxChars?: number;
};

/** The cleaned text would exceed `ImportTextOptions.maxChars`; thrown before all of it is built. */
export class TextTooLongError extends Error {
  constructor(readonly maxChars: number) {
    super(`The cleaned text is longer than ${maxChars} characters.`);
    this.name = "TextTooLongError";
  }
}

/** Lines shorter than this may be headlines; longer ones are body text. */
export const SHORT_LINE_MAX = 200;
const HEADLINE_MIN_WORDS = 3;
/** Removed lines listed one by one; `stats.removedLines` counts them all. */
export const MAX_LISTED_REMOVALS = 1_000;

const HAS_LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** The title must be among this many first non-blank lines for the lines above it to count as a page header. */
const HEADER_MAX_LINES = 15;

function isHeadlineLike(line: string): boolean {
  if (line.length >= SHORT_LINE_MAX) return false;
  let words = 0;
  for (const word of line.split(" ")) if (HAS_LETTER_OR_NUMBER.test(word) && ++words >= HEADLINE_MIN_WORDS) return true;
  return false;
}

/** Ends like a sentence, or holds more than one: body text, not a headline. Linear: the runs scanned never overlap. */
function isSentenceLike(line: string): boolean {
  return /[.!…]["”’»)]*$/u.test(line) || /[.!?]["”’»)]* \p{Lu}/u.test(line);
}

/**
 * The headline of a plain-text article: its first line that is not
 * boilerplate, when that line reads like a headline (short, at least three
 * words, not a full sentence). Pasted articles usually start with it; the
 * import then shows it as the title instead of in the text. Reads lines only
 * until the first one that is not boilerplate.
 */
export function guessHeadline(raw: string): string | undefined {
  for (const rawLine of linesOf(raw)) {
    const line = rawLine.length > SHORT_LINE_MAX * 4 ? "x".repeat(SHORT_LINE_MAX) : normalizeLine(rawLine);
    if (line === "" || matchBoilerplate(line)) continue;
    return isHeadlineLike(line) && !isSentenceLike(line) ? line : undefined;
  }
  return undefined;
}

type LineFacts = { rule?: BoilerplateRule; isTitle: boolean; isHeadline: boolean };

/**
 * Per-line work remembered per distinct line: scrapes (and hostile inputs)
 * repeat the same short lines many times, and each costs one lookup after
 * its first occurrence.
 */
function lineClassifier(titleKey: string | undefined) {
  const normalized = new Map<string, string>();
  const facts = new Map<string, LineFacts>();
  return {
    normalize(raw: string): string {
      if (raw.length > SHORT_LINE_MAX || isPlainAscii(raw)) return normalizeLine(raw);
      let line = normalized.get(raw);
      if (line === undefined) normalized.set(raw, (line = normalizeLine(raw)));
      return line;
    },
    classify(line: string): LineFacts {
      let known = facts.get(line);
      if (known) return known;
      known = {
        rule: matchBoilerplate(line),
        isTitle: titleKey !== undefined && looseKeyOfNormalized(line) === titleKey,
        isHeadline: isHeadlineLike(line),
      };
      if (line.length <= SHORT_LINE_MAX) facts.set(line, known);
      return known;
    },
  };
}

/** Why a (normalized, non-blank) line goes, if it does; rules in the order of the module comment. */
function removalReason(
  facts: LineFacts,
  line: string,
  isAfterLinkIntro: boolean,
  seenShort: ReadonlySet<string>,
): RemovalReason | undefined {
  if (facts.rule) return "boilerplate";
  // A second URL under the same invitation goes too.
  if (isAfterLinkIntro && isBareUrl(line)) return "url";
  if (facts.isTitle) return "title";
  if (facts.isHeadline && seenShort.has(line)) return "duplicate-headline";
  return undefined;
}

const LINE_BREAK = /[\n\r\u000B\u000C\u0085\u2028\u2029]/;

/** Lines as given, split further where one holds a line break of another convention. */
function* splitLines(raw: string | Iterable<string>): Generator<string, void, undefined> {
  if (typeof raw === "string") {
    yield* linesOf(raw);
    return;
  }
  for (const line of raw) {
    if (LINE_BREAK.test(line)) yield* linesOf(line);
    else yield line;
  }
}

/** Cleans raw text, or its lines (Markdown conversion hands over lines one at a time). */
export function importText(raw: string | Iterable<string>, options: ImportTextOptions = {}): ImportResult {
  const title = options.title === undefined ? "" : normalizeLine(options.title);
  const titleKey = title === "" ? undefined : looseKey(title);
  const lines = lineClassifier(titleKey);

  const kept: string[] = [];
  const removed: RemovedLine[] = [];
  let removedCount = 0;
  const maxChars = options.maxChars ?? Infinity;
  // A lower bound of the joined text's length: kept non-blank lines and one line break each.
  let keptChars = 0;
  const seenShort = new Set<string>();
  const seenLong = new Set<string>();
  const repeatedLong = new Set<string>();
  // Whether the previous non-blank line was removed by a rule that introduces a link.
  let isAfterLinkIntro = false;

  // Header lines that read like sentences stay unless they come again below the title: kept[] indexes by line.
  const pendingHeaders = new Map<string, Array<{ keptIndex: number; lineNumber: number }>>();
  const dropped = new Set<number>();
  let titleIndex = -1;
  let isAfterTitle = false;

  const record = (line: string, reason: RemovalReason, lineNumber: number, rule?: string) => {
    removedCount++;
    if (removed.length < MAX_LISTED_REMOVALS) removed.push({ line, reason, lineNumber, ...(rule ? { rule } : {}) });
  };

  const process = (line: string, index: number) => {
    if (line === "") {
      // Any run of blank lines becomes one (joinLines): keeping one is enough.
      if (kept.length > 0 && kept[kept.length - 1] !== "") kept.push(line);
      return;
    }
    const facts = lines.classify(line);
    const reason = removalReason(facts, line, isAfterLinkIntro, seenShort);
    if (facts.rule || reason !== "url") isAfterLinkIntro = facts.rule?.introducesLink === true;
    if (reason === "title" && index === titleIndex) isAfterTitle = true;
    if (reason) return record(line, reason, index + 1, reason === "boilerplate" ? facts.rule!.id : undefined);
    if (index < titleIndex && facts.isHeadline) {
      if (!isSentenceLike(line)) return record(line, "header", index + 1);
      const copies = pendingHeaders.get(line) ?? [];
      copies.push({ keptIndex: kept.length, lineNumber: index + 1 });
      pendingHeaders.set(line, copies);
      keptChars += line.length + 1;
      kept.push(line);
      return;
    }
    const header = isAfterTitle ? pendingHeaders.get(line) : undefined;
    if (header) {
      pendingHeaders.delete(line);
      for (const copy of header) {
        dropped.add(copy.keptIndex);
        keptChars -= line.length + 1;
        record(line, "header", copy.lineNumber);
      }
    }
    if (facts.isHeadline) {
      seenShort.add(line);
    } else if (line.length >= SHORT_LINE_MAX) {
      if (seenLong.has(line)) repeatedLong.add(line);
      seenLong.add(line);
    }
    keptChars += line.length + 1;
    if (keptChars > maxChars + 1) throw new TextTooLongError(maxChars);
    kept.push(line);
  };

  // The first HEADER_MAX_LINES non-blank lines wait until it is known whether the title is among them.
  const window: Array<{ line: string; index: number }> = [];
  let nonBlank = 0;
  let index = -1;
  let rawChars = -1;
  for (const rawLine of splitLines(raw)) {
    index++;
    rawChars += rawLine.length + 1;
    const line = rawLine === "" ? "" : lines.normalize(rawLine);
    if (titleIndex < 0 && nonBlank < HEADER_MAX_LINES && titleKey !== undefined) {
      window.push({ line, index });
      if (line === "") continue;
      nonBlank++;
      if (lines.classify(line).isTitle) titleIndex = index;
      if (titleIndex < 0 && nonBlank < HEADER_MAX_LINES) continue;
      for (const held of window.splice(0)) process(held.line, held.index);
      continue;
    }
    process(line, index);
  }
  for (const held of window.splice(0)) process(held.line, held.index);
  const body = dropped.size === 0 ? kept : kept.filter((_, i) => !dropped.has(i));
  removed.sort((a, b) => a.lineNumber - b.lineNumber);

  const text = joinLines(body);
  return {
    text,
    removed,
    stats: {
      rawChars: typeof raw === "string" ? raw.length : Math.max(rawChars, 0),
      textChars: text.length,
      paragraphs: text === "" ? 0 : text.split("\n\n").length,
      removedLines: removedCount,
      repeatedParagraphs: repeatedLong.size,
    },
  };
}
