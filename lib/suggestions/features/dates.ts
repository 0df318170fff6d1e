// Dates and clock times from wink's DATE/TIME entities, read into comparable
// parts: "12 May 2024" → {year 2024, month 5, day 12}, "late 2021" →
// {year 2021}, "on Tuesday" → {weekday 2}, "10:30 a.m." → 630 minutes.
import type { TokenTable, WinkEntity } from "../nlp";
import { parseDigits, parseNumberWord } from "./number-words";

export type DateMention = { year?: number; month?: number; day?: number; weekday?: number; text: string; first: number; last: number };
export type TimeMention = { minutes: number; isApproximate: boolean; text: string; first: number; last: number };

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const APPROXIMATE = new Set(["about", "around", "approximately", "roughly", "some"]);
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function monthOf(word: string): number | undefined {
  const bare = word.endsWith(".") ? word.slice(0, -1) : word;
  const full = MONTH_NAMES.indexOf(bare);
  if (full !== -1) return full + 1;
  // Abbreviations only with their dot ("Jan.", "Sept."): "may" and "march" alone are words too.
  if (word.endsWith(".") && bare.length >= 3) {
    const short = MONTHS.indexOf(bare.slice(0, 3));
    if (short !== -1) return short + 1;
  }
  return undefined;
}

function readDate(table: TokenTable, first: number, last: number): DateMention | null {
  const date: DateMention = { text: table.text.slice(table.start[first]!, table.end[last]!), first, last };
  for (let i = first; i <= last; i++) {
    const lower = table.lower[i]!;
    const month = monthOf(lower);
    if (month !== undefined && (lower !== "may" || table.value[i] === "May")) date.month = month;
    const weekday = WEEKDAYS.indexOf(lower);
    if (weekday !== -1) date.weekday = weekday;
    const number = parseDigits(
      lower.endsWith("th") || lower.endsWith("st") || lower.endsWith("nd") || lower.endsWith("rd") ? lower.slice(0, -2) : lower,
    );
    if (number === null || !Number.isInteger(number)) continue;
    if (number >= 1800 && number <= 2100) date.year = number;
    else if (number >= 1 && number <= 31) date.day = number;
  }
  if (date.day !== undefined && date.month === undefined) delete date.day;
  const hasPart = date.year !== undefined || date.month !== undefined || date.weekday !== undefined;
  return hasPart ? date : null;
}

function readTime(table: TokenTable, first: number, last: number): TimeMention | null {
  let hours: number | null = null;
  let minutes = 0;
  let meridiem = "";
  for (let i = first; i <= last; i++) {
    const lower = table.lower[i]!;
    if (lower === "noon" || lower === "midday") hours = 12;
    else if (lower === "midnight") hours = 0;
    const colon = lower.indexOf(":");
    const clock = colon > 0 ? lower.slice(0, colon) : lower;
    const suffix = clock.endsWith("am") || clock.endsWith("pm") ? clock.slice(-2) : "";
    const hour = parseDigits(suffix ? clock.slice(0, -2) : clock) ?? parseNumberWord(clock);
    if (hour !== null && hour <= 24 && hours === null) {
      hours = hour;
      if (colon > 0) minutes = parseDigits(lower.slice(colon + 1, colon + 3)) ?? 0;
    }
    if (suffix) meridiem = suffix;
    if (lower === "p.m." || lower === "pm" || lower === "a.m." || lower === "am") meridiem = lower[0] === "p" ? "pm" : "am";
  }
  if (hours === null) return null;
  if (meridiem === "pm" && hours < 12) hours += 12;
  if (meridiem === "am" && hours === 12) hours = 0;
  const before = table.lower[first - 1] ?? "";
  const isApproximate = APPROXIMATE.has(before) || APPROXIMATE.has(table.lower[first]!);
  return { minutes: hours * 60 + minutes, isApproximate, text: table.text.slice(table.start[first]!, table.end[last]!), first, last };
}

/** "the 14th of March", "March the 3rd": a capitalised month name with a day next to it that wink left out. */
function findMonthDates(table: TokenTable, first: number, last: number, covered: (i: number) => boolean): DateMention[] {
  const found: DateMention[] = [];
  for (let i = first; i <= last; i++) {
    const value = table.value[i]!;
    if (
      covered(i) ||
      value[0] !== value[0]!.toUpperCase() ||
      monthOf(table.lower[i]!) === undefined ||
      (i === first && table.lower[i] === "may")
    )
      continue;
    let from = i;
    while (
      from > Math.max(first, i - 3) &&
      (table.lower[from - 1] === "of" ||
        table.lower[from - 1] === "the" ||
        table.type[from - 1] === "ordinal" ||
        table.type[from - 1] === "number" ||
        table.pos[from - 1] === "ADJ") &&
      !covered(from - 1)
    )
      from--;
    let to = i;
    while (
      to < Math.min(last, i + 3) &&
      (table.type[to + 1] === "number" ||
        table.type[to + 1] === "ordinal" ||
        table.lower[to + 1] === "the" ||
        table.lower[to + 1] === ",") &&
      !covered(to + 1)
    )
      to++;
    while (from < i && (table.lower[from] === "the" || table.lower[from] === "of")) from++;
    while (to > i && (table.lower[to] === "the" || table.lower[to] === ",")) to--;
    const date = readDate(table, from, to);
    if (date) found.push(date);
    i = to;
  }
  return found;
}

/** Dates and times among one sentence's entities, plus month names wink did not tag. */
export function extractDates(
  table: TokenTable,
  entities: WinkEntity[],
  first: number,
  last: number,
): { dates: DateMention[]; times: TimeMention[] } {
  const dates: DateMention[] = [];
  const times: TimeMention[] = [];
  const covered = (i: number) =>
    entities.some((entity) => (entity.type === "DATE" || entity.type === "TIME") && entity.first <= i && i <= entity.last);
  dates.push(...findMonthDates(table, first, last, covered));
  for (const entity of entities) {
    if (entity.type === "DATE") {
      const date = readDate(table, entity.first, entity.last);
      if (date) dates.push(date);
    } else if (entity.type === "TIME") {
      const time = readTime(table, entity.first, entity.last);
      if (time) times.push(time);
    }
  }
  return { dates, times };
}
