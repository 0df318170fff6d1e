import type { ReportScope } from "@/lib/reports/types";

// "Wagner's exit from Mali: withdrawal or rebrand?" on 1 May 2026 becomes
// wagners-exit-from-mali-withdrawal-or-rebrand-2026-05-01.pdf. Non-Latin
// titles keep their letters in filename* (RFC 6266) and fall back to ASCII.

function slug(title: string, pattern: RegExp): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(pattern, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

export type ReportExtension = "pdf" | "docx";

export function reportFileName(title: string, date: Date, scope: ReportScope, isAscii = true, extension: ReportExtension = "pdf"): string {
  const base = slug(title, isAscii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu) || "comparison";
  return `${base}-${date.toISOString().slice(0, 10)}${scope === "all" ? "-all-annotations" : ""}.${extension}`;
}

export function contentDisposition(title: string, date: Date, scope: ReportScope, extension: ReportExtension = "pdf"): string {
  const ascii = reportFileName(title, date, scope, true, extension);
  const unicode = reportFileName(title, date, scope, false, extension);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(unicode)}`;
}
