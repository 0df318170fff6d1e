import type { Stance } from "@/lib/comparisons/matrix";

// How a source stands on a claim: an icon and a word, so colour is never the
// only signal.

export const stanceLabel: Record<Stance, string> = { supports: "Supports", contradicts: "Contradicts", not_linked: "Not linked" };

const stanceStyle: Record<Stance, { glyph: string; className: string }> = {
  supports: { glyph: "✓", className: "bg-emerald-50 text-emerald-900 ring-emerald-600/40" },
  contradicts: { glyph: "✕", className: "bg-red-50 text-red-900 ring-red-600/40" },
  not_linked: { glyph: "–", className: "text-slate-600 ring-transparent" },
};

export function StanceMark({ stance }: { stance: Stance }) {
  const style = stanceStyle[stance];
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${style.className}`}>
      <span aria-hidden className="text-sm leading-none">
        {style.glyph}
      </span>
      {stanceLabel[stance]}
    </span>
  );
}
