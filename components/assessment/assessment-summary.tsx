import Link from "next/link";

import { formatDate } from "@/components/history/format";
import { KindBadge, StatusBadge } from "@/components/workbench/badges";
import { annotationHref } from "@/lib/annotations/links";
import { decisionLabel } from "@/lib/annotations/state";
import { confidenceLabel, likelihoodLabel, likelihoodRange } from "@/lib/assessments/scale";
import type { AssessmentView } from "@/lib/assessments/views";

/** The bottom line as a reader sees it: the judgment, its calibrated wording, the findings behind it, and where it stands. */
export function AssessmentSummary({ assessment }: { assessment: AssessmentView }) {
  const decision = assessment.currentDecision;
  return (
    <article aria-labelledby="assessment-judgment-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center gap-2 text-xs text-slate-700">
        <StatusBadge status={assessment.status} />
        <span>version {assessment.version}</span>
        <span aria-hidden>·</span>
        <span>by {assessment.author.name}</span>
        <span aria-hidden>·</span>
        <span>updated {formatDate(assessment.updatedAt)}</span>
      </div>
      <h2 id="assessment-judgment-title" className="sr-only">
        Key judgment
      </h2>
      <p dir="auto" className="font-serif text-lg leading-relaxed whitespace-pre-wrap text-slate-900">
        {assessment.judgment}
      </p>
      <dl className="flex flex-wrap gap-3 text-sm">
        <div className="rounded-lg bg-indigo-50 px-3 py-2 text-indigo-950">
          <dt className="text-xs font-semibold tracking-wide uppercase">Likelihood</dt>
          <dd>
            <strong>{likelihoodLabel[assessment.likelihood]}</strong> ({likelihoodRange[assessment.likelihood]})
          </dd>
        </div>
        <div className="rounded-lg bg-slate-100 px-3 py-2 text-slate-900">
          <dt className="text-xs font-semibold tracking-wide uppercase">Confidence</dt>
          <dd>
            <strong>{confidenceLabel[assessment.confidence]}</strong>
          </dd>
        </div>
      </dl>
      {decision ? (
        <p className="text-sm text-slate-800">
          <span className="font-medium">{decision.reviewer.name}</span> {decisionLabel[decision.decision]} this version,{" "}
          {formatDate(decision.createdAt)}
          {decision.comment ? <span dir="auto">: “{decision.comment}”</span> : "."}
        </p>
      ) : null}
      <section aria-labelledby="cited-title">
        <h3 id="cited-title" className="text-sm font-semibold text-slate-800">
          Findings it rests on ({assessment.findings.length})
        </h3>
        {assessment.findings.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">No finding cited yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {assessment.findings.map((finding) => (
              <li key={finding.id} className="flex items-start gap-2 text-sm">
                <span className="flex shrink-0 gap-1">
                  <KindBadge kind={finding.kind} />
                  <StatusBadge status={finding.status} />
                </span>
                <Link href={annotationHref(assessment.comparisonId, finding.id)} dir="auto" className="text-indigo-800 hover:underline">
                  {finding.rationale}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
