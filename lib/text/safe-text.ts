/**
 * One sanitizer for short texts people type or that come from file and page
 * metadata (titles, names, tags, rationale, comments): bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make the text
 * display in a different order than it is stored ("Trojan Source"), and C0/C1
 * control characters are invisible debris (PostgreSQL even refuses NUL). Tabs
 * and line breaks stay. Article text has its own, richer rules
 * (lib/sources/normalize.ts).
 */
import { z } from "@/lib/zod";

/** Linear: one character class, each run removed at once. */
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]+/g;

export function neutralizeText(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, "");
}

/** A zod string that is neutralized before any other check (chain .trim(), .min(), .max() after it). */
export function safeText() {
  return z.string().overwrite(neutralizeText);
}
