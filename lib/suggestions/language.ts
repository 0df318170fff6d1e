// Whether a source is English: its declared language, and a check of the
// text itself (the share of English function words), so a source mislabelled
// "en" does not produce nonsense.
import type { TokenTable } from "./nlp";

export const NOT_ENGLISH_REASON = "suggestions are available for English sources";

/** "en", "en-GB", "EN_us", "english" → true. */
export function isEnglishTag(language: string): boolean {
  const tag = language.trim().toLowerCase();
  return tag === "en" || tag === "english" || tag.startsWith("en-") || tag.startsWith("en_");
}

/** English prose has ~35–55% stop words by wink's list; other languages far fewer. */
export function looksEnglish(table: TokenTable): boolean {
  let words = 0;
  let stops = 0;
  for (let i = 0; i < table.count; i++) {
    if (table.type[i] !== "word") continue;
    words++;
    if (table.isStop[i] === 1) stops++;
  }
  // Too short to judge: trust the declared language.
  if (words < 20) return true;
  return stops / words >= 0.2;
}
