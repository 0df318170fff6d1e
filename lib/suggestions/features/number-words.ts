// Reading numbers written as digits or words: "1,200", "4.5", "twelve",
// "twenty-five", "5 million", "3bn". Character-by-character, no regular
// expressions.

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

export const MULTIPLIERS: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  bn: 1e9,
  b: 1e9,
};

/** Fractions that state a share: "half", "a third", "two-thirds", "a quarter". */
export const FRACTIONS: Record<string, number> = { half: 50, third: 33.3, thirds: 66.7, quarter: 25, quarters: 75 };

/** "1,200" → 1200, "4.5" → 4.5; null for anything else (times, codes, "1.2.3"). */
export function parseDigits(token: string): number | null {
  let digits = "";
  let hasDot = false;
  for (let i = 0; i < token.length; i++) {
    const char = token[i]!;
    if (char >= "0" && char <= "9") digits += char;
    else if (char === "," && i > 0 && i < token.length - 1) continue;
    else if (char === "." && !hasDot && i > 0 && i < token.length - 1) {
      hasDot = true;
      digits += char;
    } else return null;
  }
  return digits.length === 0 ? null : Number(digits);
}

/** "twelve" → 12, "twenty-five" → 25; null when the word is not a number. */
export function parseNumberWord(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower in UNITS) return UNITS[lower]!;
  const dash = lower.indexOf("-");
  if (dash > 0) {
    const tens = UNITS[lower.slice(0, dash)];
    const ones = UNITS[lower.slice(dash + 1)];
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return tens + ones;
  }
  return null;
}

/** Value of a token that is a number on its own (digits or a number word). */
export function parseNumberToken(token: string): number | null {
  return parseDigits(token) ?? parseNumberWord(token);
}
