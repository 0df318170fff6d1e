// The same report content as HTML, for Chromium's page.pdf(): the reference
// the PDF benchmark compares with (same cover, sources, findings with quote
// panels side by side, rationale and review line).
import type { ReportData } from "../lib/reports/types";

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function reportHtml(data: ReportData): string {
  const sources = data.sources
    .map(
      (s) =>
        `<li><b>${escape(s.label)} · ${escape(s.title)}</b><br>${escape(s.outlet ?? "")} · ${escape(s.publishedAt ?? "")}<br>Reliability ${s.reliability ?? "–"}<br><small>${escape(s.url ?? "")}</small></li>`,
    )
    .join("");
  const findings = data.annotations
    .map(
      (a, i) =>
        `<section><h3>${i + 1} ${a.kind}</h3><div class="panels">${a.passages
          .map(
            (p) =>
              `<blockquote><small>${escape(data.sources[p.sourceIndex]!.label)} · ${escape(data.sources[p.sourceIndex]!.title)}</small>${p.quotes.map((q) => `<p>“${escape(q)}”</p>`).join("")}</blockquote>`,
          )
          .join(
            "",
          )}</div><p>${escape(a.rationale)}</p><p class="meta">Confidence: ${a.confidence} · Tags: ${escape(a.tags.join(", "))}<br>Author: ${escape(a.author)} · Reviewer: ${escape(a.review?.reviewer ?? "")}</p></section>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(data.comparison.title)}</title><style>
    body { font: 10pt "DejaVu Sans", sans-serif; color: #0f172a; }
    h1 { font-size: 24pt; } h3 { font-size: 11.5pt; margin: 14pt 0 4pt; }
    .panels { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt; }
    blockquote { margin: 0; padding: 8pt; background: #f1f5f9; border-left: 3px solid #b91c1c; font: 9.5pt "DejaVu Serif", serif; break-inside: avoid; }
    small { display: block; font: bold 7.5pt "DejaVu Sans", sans-serif; color: #475569; }
    .meta { font-size: 8.5pt; color: #475569; } section { border-bottom: 0.5pt solid #cbd5e1; }
  </style></head><body><h1>${escape(data.comparison.title)}</h1><p>${escape(data.comparison.question ?? "")}</p><ul>${sources}</ul><h2>Findings</h2>${findings}</body></html>`;
}
