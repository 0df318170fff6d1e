"use client";

import type { ImportReport, ItemReport, PassageReport } from "@/lib/interop/import/types";

type Props = {
  report: ImportReport;
  /** Fuzzy items a person ticked to import (item index). */
  confirmed: ReadonlySet<number>;
  onToggle?: (index: number) => void;
};

const outcomeText = {
  anchored: "Found exactly",
  fuzzy: "Found with changes — confirm",
  orphaned: "Not found — not imported",
  rejected: "Cannot be imported",
  duplicate: "Already in this comparison",
} as const;

function Quote({ passage }: { passage: PassageReport }) {
  return (
    <li className="space-y-0.5">
      <p dir="auto" className="text-slate-800">
        <span className="font-medium">{passage.sourceLabel ? `${passage.sourceLabel}: ` : ""}</span>“{passage.quote}”
      </p>
      {passage.outcome === "fuzzy" && passage.attachedText !== passage.quote ? (
        <p dir="auto" className="text-amber-900">
          Attaches to: “{passage.attachedText}”
        </p>
      ) : null}
      {passage.reason ? <p className="text-slate-600">{passage.reason}</p> : null}
    </li>
  );
}

function Item({ item, isConfirmed, onToggle }: { item: ItemReport; isConfirmed: boolean; onToggle?: (index: number) => void }) {
  const label = `#${item.index + 1} ${item.kind ?? "annotation"}${item.origin.creator ? ` by ${item.origin.creator}` : ""}`;
  return (
    <li className="rounded-md border border-slate-200 p-2 text-xs" data-outcome={item.outcome}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{label}</span>
        {item.outcome === "fuzzy" && onToggle ? (
          <label className="flex items-center gap-1.5 font-medium text-amber-900">
            <input type="checkbox" checked={isConfirmed} onChange={() => onToggle(item.index)} />
            Import {`#${item.index + 1}`}
          </label>
        ) : null}
        {item.annotationId ? <span className="text-emerald-800">Imported as a draft</span> : null}
      </div>
      <p dir="auto" className="mt-1 line-clamp-2 text-slate-700">
        {item.rationale}
      </p>
      {item.passages.length > 0 ? (
        <ul className="mt-1 space-y-1">
          {item.passages.map((p, i) => (
            <Quote key={i} passage={p} />
          ))}
        </ul>
      ) : null}
      {item.reason && item.outcome !== "orphaned" ? <p className="mt-1 text-slate-600">{item.reason}</p> : null}
      {item.warnings.length > 0 ? <p className="mt-1 text-slate-500">{item.warnings.join(" ")}</p> : null}
    </li>
  );
}

/** The import's report: counts, then each group of items, fuzzy ones with a checkbox to confirm. */
export function ImportReportView({ report, confirmed, onToggle }: Props) {
  const { summary } = report;
  const groups = (["fuzzy", "orphaned", "rejected", "duplicate", "anchored"] as const).filter((outcome) => summary[outcome] > 0);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3" aria-label="Import summary">
        {(["anchored", "fuzzy", "orphaned", "rejected", "duplicate"] as const).map((outcome) => (
          <div key={outcome} className="flex justify-between gap-2">
            <dt className="text-slate-600">{outcomeText[outcome].split(" — ")[0]}</dt>
            <dd className="font-semibold tabular-nums">{summary[outcome]}</dd>
          </div>
        ))}
      </dl>
      {report.warnings.map((warning) => (
        <p key={warning} className="rounded-md bg-amber-50 p-2 text-xs text-amber-900">
          {warning}
        </p>
      ))}
      {groups.map((outcome) => (
        <details key={outcome} open={outcome === "fuzzy" || outcome === "orphaned"} className="group">
          <summary className="cursor-pointer text-sm font-semibold text-slate-800">
            {outcomeText[outcome]} ({summary[outcome]})
          </summary>
          <ul className="mt-2 max-h-64 space-y-2 overflow-y-auto pr-1">
            {report.items
              .filter((item) => item.outcome === outcome)
              .slice(0, 200)
              .map((item) => (
                <Item key={item.index} item={item} isConfirmed={confirmed.has(item.index)} onToggle={onToggle} />
              ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
