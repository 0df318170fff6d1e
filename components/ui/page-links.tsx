import Link from "next/link";

// Paging for cursor-paged lists in server-rendered pages: a link to the next
// page (the cursor comes from the list's service) and, once past the first
// page, a link back to it. Plain links, so they work by keyboard and without
// script; navigation shows the section's loading state and its error page.

type Props = {
  /** The page's path and its other query parameters (filters), kept on every link. */
  path: string;
  query?: Record<string, string | undefined>;
  /** The cursor this page was loaded with (null on the first page). */
  cursor: string | null;
  nextCursor: string | null;
  /** The query key of the cursor; pages showing two lists need two. */
  param?: string;
  label: string;
};

export function PageLinks({ path, query = {}, cursor, nextCursor, param = "cursor", label }: Props) {
  if (!cursor && !nextCursor) return null;
  const href = (value: string | null) => {
    const params = new URLSearchParams();
    for (const [key, entry] of Object.entries(query)) if (entry !== undefined && key !== param) params.set(key, entry);
    if (value) params.set(param, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  const linkClass =
    "inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700";
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center gap-3">
      {cursor ? (
        <Link href={href(null)} className={linkClass}>
          First page
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={href(nextCursor)} className={linkClass} rel="next">
          Next page
        </Link>
      ) : (
        <p className="text-sm text-slate-600">End of the list.</p>
      )}
    </nav>
  );
}
