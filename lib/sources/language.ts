/**
 * A language code such as "en", "fr" or "pt-BR" (a simplified BCP 47 tag).
 * Length first: the pattern repeats a group, and V8 keeps a backtracking
 * entry per repetition, so an unbounded input could overflow its stack.
 */
export function isLanguageTag(value: string): boolean {
  return value.length <= 35 && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value);
}
