import Link from "next/link";
import type { ReactNode } from "react";

import type { QueueItem, ReturnedItem } from "@/lib/reviews/service";

import { formatDate } from "@/components/history/format";
import { KindBadge, StatusBadge } from "@/components/workbench/badges";

// One row per annotation: what it claims, the passages it quotes, where and
// by whom; for returned work, the reviewer's reason and what to do next.

type Item = QueueItem | ReturnedItem;

export function QueueList({
  items,
  hrefFor,
  actionsFor,
  empty,
}: {
  items: Item[];
  hrefFor: (item: Item) => string;
  actionsFor?: (item: Item) => ReactNode;
  empty: { title: string; body: string };
}) {
  if (items.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
        <h2 className="font-medium">{empty.title}</h2>
        <p className="mt-1 text-sm text-slate-700">{empty.body}</p>
      </div>
    );
  }
  return (
    <ol className="space-y-3">
      {items.map((item) => {
        const review = "latestReview" in item ? item.latestReview : null;
        return (
          <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300">
            <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
              <KindBadge kind={item.kind} />
              <StatusBadge status={item.status} />
              <span dir="auto">{item.comparison.title}</span>
              <span aria-hidden>·</span>
              <span>{item.author.name}</span>
              <span aria-hidden>·</span>
              <span>{review ? `returned ${formatDate(review.createdAt)}` : `submitted ${formatDate(item.submittedAt)}`}</span>
            </div>
            <Link href={hrefFor(item)} className="mt-2 block text-sm font-medium text-indigo-800 hover:underline">
              <span dir="auto" className="line-clamp-2">
                {item.rationale}
              </span>
            </Link>
            <ul className="mt-2 grid gap-2 md:grid-cols-2">
              {item.spans.slice(0, 2).map((span) => (
                <li key={span.id} dir="auto" className="line-clamp-2 border-l-2 border-slate-200 pl-2 font-serif text-sm text-slate-700">
                  “{span.exact}”
                </li>
              ))}
            </ul>
            {review?.comment ? (
              <p
                dir="auto"
                className={`mt-2 rounded-md px-3 py-2 text-sm ${review.decision === "reject" ? "bg-slate-100 text-slate-900" : "bg-orange-50 text-orange-950"}`}
              >
                <span className="font-semibold">
                  {review.reviewer.name} {review.decision === "reject" ? "rejected it" : "asked for changes"}:
                </span>{" "}
                {review.comment}
              </p>
            ) : null}
            {actionsFor ? <div className="mt-3 flex flex-wrap items-center gap-3">{actionsFor(item)}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
