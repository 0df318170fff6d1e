// What a computation's result depends on: the engine version and, for each
// source, its text (by content hash), language and label (reasons name the
// sources by label). Stored with every run; a different fingerprint now means
// the stored suggestions are out of date and a recomputation is due.
import { createHash } from "node:crypto";

export type FingerprintSource = { id: string; contentHash: string; language: string; label: string };

export function inputFingerprint(engineVersion: string, sources: readonly FingerprintSource[]): string {
  const parts = sources
    .map((source) => [source.id, source.contentHash, source.language.trim().toLowerCase(), source.label].join("\u0001"))
    .sort();
  return createHash("sha256")
    .update([engineVersion, ...parts].join("\u0002"))
    .digest("hex")
    .slice(0, 32);
}
