import type { SourcePreviewData } from "./source-draft";

const reasonLabel: Record<string, string> = {
  boilerplate: "Site boilerplate",
  url: "Link under boilerplate",
  title: "Repeats the title",
  "duplicate-headline": "Repeated headline",
  header: "Page header above the headline",
};

/** The cleaned text the analyst will annotate, next to what the import removed. Plain text only. */
export function SourcePreview({ preview, headingId }: { preview: SourcePreviewData; headingId: string }) {
  const { stats, removed } = preview;
  return (
    <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div>
        <h4 id={headingId} className="text-sm font-medium text-slate-700">
          Cleaned text <span className="font-normal text-slate-500">— what you will annotate</span>
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
