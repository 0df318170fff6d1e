import { createHash, randomBytes } from "node:crypto";

// The secret of a personal access token: `plx_` and 32 random bytes in
// base64url. Only its SHA-256 is stored; a leaked database cannot be used to
// call the API. The prefix makes the secret recognisable to secret scanners.

export const TOKEN_PREFIX = "plx_";
/** How much of the secret the token list shows, to tell tokens apart. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;
const SECRET_PATTERN = /^plx_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): { secret: string; hash: string; shown: string } {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { secret, hash: hashTokenSecret(secret), shown: secret.slice(0, SHOWN_CHARS) };
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A well-formed secret (checked before any database look-up). */
export function isTokenSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}
