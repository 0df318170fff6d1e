import type { SourcePreviewData } from "./source-draft";

const reasonLabel: Record<string, string> = {
  boilerplate: "Site boilerplate",
  url: "Link under boilerplate",
  title: "Repeats the title",
  "duplicate-headline": "Repeated headline",
  header: "Page header above the headline",
};

/**
 * The cleaned text exactly as it will be saved (and annotated), next to what
 * the import removed. Plain text only. Marked out of date when the content or
 * the title changed after it was made.
 */
export function SourcePreview({
  preview,
  headingId,
  isStale = false,
}: {
  preview: SourcePreviewData;
  headingId: string;
  isStale?: boolean;
}) {
  const { stats, removed } = preview;
  return (
    <div
      className={`grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] ${isStale ? "rounded-md p-2 ring-2 ring-amber-400" : ""}`}
      data-stale={isStale || undefined}
    >
      <div>
        <h4 id={headingId} tabIndex={-1} className="text-sm font-medium text-slate-700">
          Cleaned text{" "}
          {isStale ? (
            <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Out of date</span>
          ) : (
            <span className="font-normal text-slate-600">— exactly what will be saved and annotated</span>
          )}
        </h4>
        <p className="mt-0.5 text-xs text-slate-500">
          {stats.textChars.toLocaleString("en")} characters · {stats.paragraphs} paragraphs · imported as {preview.rawFormat}
          {stats.repeatedParagraphs > 0 ? ` · ${stats.repeatedParagraphs} repeated paragraph(s) kept` : ""}
        </p>
        <div
          tabIndex={0}
          aria-label="Cleaned text"
          className="mt-1 max-h-72 overflow-y-auto rounded-md border border-slate-200 bg-white px-3 py-2 font-serif text-sm leading-6 whitespace-pre-wrap text-slate-800"
        >
          {preview.text}
        </div>
      </div>
      <div>
        <h4 className="text-sm font-medium text-slate-700">
          Removed{" "}
          <span className="font-normal text-slate-500">
            ({removed.length} {removed.length === 1 ? "line" : "lines"})
          </span>
        </h4>
        {removed.length === 0 ? (
          <p className="mt-1 rounded-md border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-500">Nothing was removed.</p>
        ) : (
          <ul
            aria-label="Removed lines"
            tabIndex={0}
            className="mt-1 max-h-72 space-y-1.5 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm"
          >
            {removed.map((line, index) => (
              <li key={`${line.lineNumber}-${index}`}>
                <span className="text-slate-500 line-through decoration-slate-400">{line.line}</span>
                <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">
                  {reasonLabel[line.reason] ?? line.reason}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
