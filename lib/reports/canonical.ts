import { createHash } from "node:crypto";

import type { ReportData } from "@/lib/reports/types";

// A sign-off fingerprints the report's content, not its bytes on one day:
// canonical JSON (object keys sorted, dates as ISO strings, no whitespace) of
// what the report states, without who generated it when. The same findings,
// reviews and sources give the same fingerprint; any change gives another.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function toCanonical(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toCanonical);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = toCanonical(item);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error("Non-finite number in report content");
  return value as Json;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(toCanonical(value));
}

/** The parts of a report that a sign-off vouches for. */
export function reportContent(data: ReportData): unknown {
  return {
    comparison: data.comparison,
    sources: data.sources,
    scope: data.scope,
    assessment: data.assessment,
    annotations: data.annotations,
    excludedCount: data.excludedCount,
    audit: data.audit,
  };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function contentFingerprint(data: ReportData): { json: string; sha256: string } {
  const json = canonicalJson(reportContent(data));
  return { json, sha256: sha256Hex(json) };
}
