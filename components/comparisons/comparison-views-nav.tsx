import Link from "next/link";

// The views of one comparison, side by side in every header: the workbench,
// the evidence matrix, the sources with their grades, and the assessment.

export type ComparisonView = "workbench" | "matrix" | "sources" | "assessment";

const views: Array<{ view: ComparisonView; label: string; path: string }> = [
  { view: "workbench", label: "Workbench", path: "" },
  { view: "matrix", label: "Evidence matrix", path: "/matrix" },
  { view: "sources", label: "Sources", path: "/sources" },
  { view: "assessment", label: "Assessment", path: "/assessment" },
];

export function ComparisonViewsNav({ comparisonId, current }: { comparisonId: string; current: ComparisonView }) {
  return (
    <nav aria-label="Comparison views" className="flex flex-wrap items-center gap-1 text-sm">
      {views
        .filter((item) => current !== "workbench" || item.view !== "workbench")
        .map((item) => {
          const isCurrent = item.view === current;
          return (
            <Link
              key={item.view}
              href={`/comparisons/${comparisonId}${item.path}`}
              aria-current={isCurrent ? "page" : undefined}
              className={`rounded-md px-2 py-1 font-medium whitespace-nowrap ${isCurrent ? "bg-indigo-700 text-white" : "text-indigo-800 hover:bg-indigo-50 hover:underline"}`}
            >
              {item.label}
            </Link>
          );
        })}
    </nav>
  );
}
