import { slug } from "@/lib/reports/filename";

/** `attachment` with an ASCII file name and the Unicode one in filename* (RFC 6266), e.g. wagner-2026-05-01-annotations.csv. */
export function attachmentDisposition(title: string, date: Date, suffix: string): string {
  const day = date.toISOString().slice(0, 10);
  const ascii = `${slug(title, /[^a-z0-9]+/g) || "comparison"}-${day}${suffix}`;
  const unicode = `${slug(title, /[^\p{L}\p{N}]+/gu) || "comparison"}-${day}${suffix}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(unicode)}`;
}
