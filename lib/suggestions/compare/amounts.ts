// Amounts, dates and times of two sentences: compatible or conflicting.
import type { DateMention, TimeMention } from "../features/dates";
import type { Quantity } from "../features/quantities";
import { PERSON_NOUNS } from "../frames";
import { quote, SIDE_A, SIDE_B, type Evidence } from "./evidence";

const TOLERANCE = 0.02;

function overlaps(a: Quantity, b: Quantity): boolean {
  const finite = [a.low, a.high, b.low, b.high].filter(Number.isFinite).map(Math.abs);
  const slack = TOLERANCE * Math.max(1, ...finite);
  return a.low <= b.high + slack && b.low <= a.high + slack;
}

/**
 * Two reports of one count or sum rarely differ tenfold: "4,800 children
 * enrolled" and "two children fell ill" count different things. Zero is
 * exempt ("no one was hurt" / "two were hurt").
 */
function isSameMagnitude(a: Quantity, b: Quantity): boolean {
  if (a.kind === "share") return true;
  const x = Math.abs(Number.isFinite(a.high) ? a.high : a.low);
  const y = Math.abs(Number.isFinite(b.high) ? b.high : b.low);
  if (x === 0 || y === 0) return true;
  return Math.max(x, y) / Math.min(x, y) <= 10;
}

function isComparable(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind || !isSameMagnitude(a, b)) return false;
  if (a.kind === "count") return a.unit !== "" && a.unit === b.unit;
  if (a.kind === "money") return a.unit === b.unit;
  // Shares of different things ("revenue fell 12%", "shares rose 4%") do not compare.
  return a.of === "" || b.of === "" || a.of === b.of || (PERSON_NOUNS.has(a.of) && PERSON_NOUNS.has(b.of));
}

/** Counts of people under different names ("three hikers" / "four students"): compared only when nothing else is. */
function isSameGroup(a: Quantity, b: Quantity): boolean {
  return (
    a.kind === "count" &&
    b.kind === "count" &&
    a.unit !== b.unit &&
    PERSON_NOUNS.has(a.unit) &&
    PERSON_NOUNS.has(b.unit) &&
    isSameMagnitude(a, b)
  );
}

function describe(a: Quantity): string {
  return a.kind === "count" && !a.text.includes(a.unit) ? `${quote(a.text)} (${a.unit})` : quote(a.text);
}

/** Both sentences count the same named thing ("212 passengers", "around 200 passengers"): a sign they speak of one quantity. */
export function sharesCountedThing(left: Quantity[], right: Quantity[]): boolean {
  return left.some((a) => a.kind === "count" && a.unit !== "" && right.some((b) => isComparable(a, b)));
}

/**
 * A conflict needs an amount on each side with a comparable counterpart and
 * none compatible: "12 injured and 3 killed" against "3 killed" is no conflict.
 */
export function compareQuantities(left: Quantity[], right: Quantity[]): Evidence | null {
  const direct = compareWith(left, right, isComparable);
  if (direct?.kind === "contradiction") return direct;
  const group = compareWith(left.slice(0, 1), right.slice(0, 1), isSameGroup);
  if (group?.kind === "contradiction") return { ...group, weight: 0.45 };
  return direct ?? (group && { ...group, weight: 0.3 });
}

function compareWith(left: Quantity[], right: Quantity[], isComparable: (a: Quantity, b: Quantity) => boolean): Evidence | null {
  let agreeing: [Quantity, Quantity] | null = null;
  let conflicting: [Quantity, Quantity] | null = null;
  for (const a of left) {
    const peers = right.filter((b) => isComparable(a, b));
    if (peers.length === 0) continue;
    const match = peers.find((b) => overlaps(a, b));
    if (match) agreeing ??= [a, match];
    else if (peers.every((b) => !left.some((other) => other !== a && isComparable(other, b) && overlaps(other, b))))
      conflicting ??= [a, peers[0]!];
  }
  if (conflicting) {
    const [a, b] = conflicting;
    const what =
      a.kind === "count"
        ? `of ${a.unit === b.unit ? a.unit : `${a.unit}/${b.unit}`}`
        : a.kind === "money"
          ? `of money (${a.unit})`
          : "shares";
    return {
      kind: "contradiction",
      type: "amount",
      weight: 0.6,
      reason: `${SIDE_A}: ${describe(a)}, ${SIDE_B}: ${describe(b)} — conflicting amounts ${what}`,
    };
  }
  if (agreeing) {
    const [a, b] = agreeing;
    const isSame = a.text.toLowerCase() === b.text.toLowerCase();
    const reason = isSame ? `both give ${describe(a)}` : `${SIDE_A}: ${describe(a)}, ${SIDE_B}: ${describe(b)} — consistent amounts`;
    return { kind: "agreement", type: "amount", weight: a.hedge === "exact" && b.hedge === "exact" ? 0.5 : 0.4, reason };
  }
  return null;
}

function dateConflict(a: DateMention, b: DateMention): boolean {
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return true;
  const sameYear = a.year === undefined || b.year === undefined || a.year === b.year;
  if (sameYear && a.month !== undefined && b.month !== undefined && a.month !== b.month) return true;
  if (sameYear && a.month === b.month && a.day !== undefined && b.day !== undefined && a.day !== b.day) return true;
  return a.weekday !== undefined && b.weekday !== undefined && a.weekday !== b.weekday;
}

function dateMatch(a: DateMention, b: DateMention): boolean {
  if (dateConflict(a, b)) return false;
  return (
    (a.month !== undefined && a.month === b.month) ||
    (a.weekday !== undefined && a.weekday === b.weekday) ||
    (a.day !== undefined && a.day === b.day)
  );
}

export function compareDates(left: DateMention[], right: DateMention[]): Evidence | null {
  for (const a of left)
    for (const b of right)
      if (dateMatch(a, b))
        return {
          kind: "agreement",
          type: "date",
          weight: 0.35,
          reason: `same date: ${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)}`,
        };
  // Only a conflict when no date of one side matches one of the other.
  for (const a of left) {
    for (const b of right) {
      if (dateConflict(a, b))
        return {
          kind: "contradiction",
          type: "date",
          weight: 0.5,
          reason: `${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)} — different dates`,
        };
    }
  }
  return null;
}

export function compareTimes(left: TimeMention[], right: TimeMention[]): Evidence | null {
  for (const a of left) {
    for (const b of right) {
      const gap = Math.abs(a.minutes - b.minutes);
      const allowed = a.isApproximate || b.isApproximate ? 60 : 20;
      if (gap <= allowed)
        return {
          kind: "agreement",
          type: "time",
          weight: 0.35,
          reason: `same time: ${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)}`,
        };
    }
  }
  const [a, b] = [left[0], right[0]];
  if (!a || !b) return null;
  return {
    kind: "contradiction",
    type: "time",
    weight: 0.5,
    reason: `${SIDE_A}: ${quote(a.text)}, ${SIDE_B}: ${quote(b.text)} — different times`,
  };
}
