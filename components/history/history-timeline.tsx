import type { CommentView } from "@/lib/comments/views";
import type { HistoryEvent } from "@/lib/history/service";

import { FieldChangeRow } from "./field-change";
import { formatDate } from "./format";
import { actionLabel, actionTone } from "./labels";

// Every version, decision and comment of one annotation, oldest first.

type Entry = { kind: "event"; at: string; event: HistoryEvent } | { kind: "comment"; at: string; comment: CommentView };

export function HistoryTimeline({
  events,
  comments,
  sourceLabel,
}: {
  events: HistoryEvent[];
  comments: CommentView[];
  sourceLabel: (id: string) => string;
}) {
  const entries: Entry[] = [
    ...events.map((event) => ({ kind: "event" as const, at: event.createdAt, event })),
    ...comments.map((comment) => ({ kind: "comment" as const, at: comment.createdAt, comment })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) return <p className="text-sm text-slate-500">No recorded history yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5">
      {entries.map((entry) =>
        entry.kind === "event" ? (
          <li key={entry.event.id} className="relative">
            <span
              className={`absolute top-1.5 -left-[1.6rem] h-2.5 w-2.5 rounded-full ring-4 ring-slate-50 ${actionTone(entry.event.action)}`}
              aria-hidden
            />
            <p className="text-sm text-slate-800">
              <span className="font-medium">{entry.event.actor?.name ?? "Someone (account removed)"}</span>{" "}
              {actionLabel(entry.event.action)}
              {entry.event.version ? (
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">v{entry.event.version}</span>
              ) : null}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.event.createdAt}>{formatDate(entry.event.createdAt)}</time>
            </p>
            {entry.event.origin?.type === "suggestion" ? (
              <p className="mt-1 text-xs text-slate-600">
                Accepted from a suggestion (score {entry.event.origin.score?.toFixed(2)}, engine {entry.event.origin.engineVersion})
              </p>
            ) : null}
            {entry.event.comment ? (
              <blockquote className="mt-1.5 rounded-md border-l-4 border-orange-300 bg-orange-50 px-3 py-2 text-sm whitespace-pre-wrap text-slate-800">
                {entry.event.comment}
              </blockquote>
            ) : null}
            {entry.event.changes.length > 0 ? (
              <dl className="mt-2 space-y-1.5 rounded-md border border-slate-200 bg-white p-3">
                {entry.event.changes.map((change) => (
                  <FieldChangeRow
                    key={change.field}
                    change={change}
                    sourceLabel={sourceLabel}
                    isCreate={entry.event.action === "annotation.create" || change.before === null}
                  />
                ))}
              </dl>
            ) : null}
          </li>
        ) : (
          <li key={entry.comment.id} className="relative">
            <span className="absolute top-1.5 -left-[1.6rem] h-2.5 w-2.5 rounded-full bg-white ring-2 ring-slate-400" aria-hidden />
            <p className="text-sm text-slate-800">
              <span className="font-medium">{entry.comment.author.name}</span> {entry.comment.parentId ? "replied" : "commented"}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.comment.createdAt}>{formatDate(entry.comment.createdAt)}</time>
            </p>
            <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700">{entry.comment.body}</p>
          </li>
        ),
      )}
    </ol>
  );
}
