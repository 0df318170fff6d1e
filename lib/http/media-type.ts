// Content-Type checks written by hand rather than as regular expressions:
// the header is whatever the client sent, so each check is one linear scan.

const SUBTYPE_PREFIX_CHARACTERS = /^[a-z0-9_.+-]$/;

function isPrefixCharacter(character: string): boolean {
  return SUBTYPE_PREFIX_CHARACTERS.test(character);
}

/** "Application/JSON; charset=utf-8" → "application/json": the media type without parameters. */
export function mediaTypeOf(header: string): string {
  const semicolon = header.indexOf(";");
  return (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/** application/json, or a structured-syntax JSON type such as application/merge-patch+json. */
export function isJsonMediaType(header: string | null): boolean {
  if (!header) return false;
  const type = mediaTypeOf(header);
  if (!type.startsWith("application/")) return false;
  const subtype = type.slice("application/".length);
  if (subtype === "json") return true;
  if (!subtype.endsWith("+json")) return false;
  const prefix = subtype.slice(0, -"+json".length);
  if (prefix.length === 0) return false;
  for (const character of prefix) if (!isPrefixCharacter(character)) return false;
  return true;
}
