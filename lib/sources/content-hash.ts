/**
 * Fingerprint of a source's normalized text (stored as `Source.contentHash`).
 * Server-side only because of node:crypto; kept apart from `import-text.ts`
 * so the import pipeline itself stays usable in the browser.
 */
import { createHash } from "node:crypto";

/** sha256 of the UTF-8 bytes of `text`, lower-case hex (64 characters). */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
