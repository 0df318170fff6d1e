import Link from "next/link";

import type { AnnotationContext } from "@/lib/history/service";

import { formatDate } from "@/components/history/format";
import { KindBadge, StatusBadge } from "@/components/workbench/badges";

// An annotation shown where it lives: its passages with the text around
// them, the rationale, and the other annotations on the same passages.

export function AnnotationInContext({ context, headingLevel = 2 }: { context: AnnotationContext; headingLevel?: 2 | 3 }) {
  const { annotation, comparison, excerpts, nearby } = context;
  const Heading = `h${headingLevel}` as const;
  const sourceOf = (id: string) => comparison.sources.find((source) => source.id === id);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={annotation.kind} />
        <StatusBadge status={annotation.status} />
        <span className="text-xs text-slate-500">version {annotation.version}</span>
        <span className="text-xs text-slate-500">
          by <span className="font-medium text-slate-700">{annotation.author.name}</span>, submitted {formatDate(annotation.submittedAt)}
        </span>
      </div>
      <p className="text-sm text-slate-600">
        In{" "}
        <Link href={`/comparisons/${comparison.id}`} className="font-medium text-indigo-700 hover:underline">
          {comparison.title}
        </Link>
        {comparison.question ? <span className="text-slate-500"> — {comparison.question}</span> : null}
      </p>

      <div className={`grid gap-4 ${excerpts.length > 1 ? "md:grid-cols-2" : ""}`}>
        {excerpts.map((excerpt, index) => {
          const source = sourceOf(excerpt.sourceId);
          return (
            <figure key={`${excerpt.sourceId}-${index}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <figcaption className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {source ? (
                  <>
                    {source.label} · {source.title}
                    {source.outlet ? <span className="font-normal normal-case"> ({source.outlet})</span> : null}
                  </>
                ) : (
                  "A source no longer in this comparison"
                )}
              </figcaption>
              <blockquote className="font-serif text-[15px] leading-relaxed whitespace-pre-line text-slate-600">
                {excerpt.before}
                <mark className="rounded bg-amber-200/70 px-0.5 text-slate-900">{excerpt.exact}</mark>
                {excerpt.after}
              </blockquote>
            </figure>
          );
        })}
      </div>

      <section aria-labelledby="rationale-title">
        <Heading id="rationale-title" className="text-sm font-semibold text-slate-700">
          Rationale
        </Heading>
        <p className="mt-1 text-sm whitespace-pre-wrap text-slate-900">{annotation.rationale}</p>
        <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600">
          <div>
            <dt className="inline">Confidence: </dt>
            <dd className="inline font-medium text-slate-800">{annotation.confidence}</dd>
          </div>
          {annotation.tags.length ? (
            <div>
              <dt className="inline">Tags: </dt>
              <dd className="inline font-medium text-slate-800">{annotation.tags.join(", ")}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="nearby-title">
        <Heading id="nearby-title" className="text-sm font-semibold text-slate-700">
          Nearby annotations
        </Heading>
        {nearby.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No other annotation on these passages.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {nearby.map((other) => (
              <li key={other.id} className="flex items-start gap-2 text-sm">
                <span className="flex shrink-0 gap-1.5 whitespace-nowrap">
                  <KindBadge kind={other.kind} />
                  <StatusBadge status={other.status} />
                </span>
                <Link href={`/annotations/${other.id}`} className="line-clamp-2 text-slate-700 hover:text-indigo-700 hover:underline">
                  {other.rationale} <span className="text-slate-500">— {other.author.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
