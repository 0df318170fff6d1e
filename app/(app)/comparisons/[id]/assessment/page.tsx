import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { AssessmentForm } from "@/components/assessment/assessment-form";
import { AssessmentHistoryList } from "@/components/assessment/assessment-history";
import { AssessmentSummary } from "@/components/assessment/assessment-summary";
import { ComparisonPageHeader } from "@/components/comparisons/comparison-page-header";
import { LatestReview } from "@/components/history/latest-review";
import { ReviewPanel } from "@/components/review/review-panel";
import { WithdrawButton } from "@/components/review/withdraw-button";
import { canEditAssessment, canReviewAssessment, canStartAssessment, canWithdrawAssessment } from "@/lib/assessments/access";
import { getAssessmentPage } from "@/lib/assessments/page-data";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Assessment" };

type Props = { params: Promise<{ id: string }> };

export default async function AssessmentPage({ params }: Props) {
  const user = await requirePageUser();
  const { id } = await params;
  const data = await getAssessmentPage(user, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { comparison, assessment, findings, history, isOthersDraft } = data;
  const base = `/api/v1/comparisons/${comparison.id}/assessment`;
  const isWriting =
    assessment === null
      ? !isOthersDraft && canStartAssessment(user)
      : canEditAssessment(user, assessment) && assessment.status !== "approved";
  const returned =
    assessment && (assessment.status === "changes_requested" || assessment.status === "rejected") ? assessment.latestReview : null;
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-6">
      <ComparisonPageHeader comparison={comparison} current="assessment" heading="Assessment" />
      <p className="mb-5 max-w-3xl text-sm text-slate-700">
        The bottom line: the key judgment answering the comparison&apos;s question, how likely it is in the words of ICD 203, how confident
        you are, and the findings it rests on. It is reviewed by someone other than its author, like an annotation, and opens the PDF
        report.
      </p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          {returned ? (
            <section aria-labelledby="returned-title">
              <h2 id="returned-title" className="mb-2 text-base font-semibold">
                {returned.decision === "reject" ? "Rejected" : "Changes requested"}
              </h2>
              <LatestReview
                review={{ ...returned, annotationId: assessment!.id, annotationVersion: returned.assessmentVersion }}
                isOutdated={false}
              />
            </section>
          ) : null}
          {assessment && (!isWriting || assessment.status !== "draft") ? <AssessmentSummary assessment={assessment} /> : null}
          {isWriting ? (
            <AssessmentForm comparisonId={comparison.id} assessment={assessment} findings={findings} />
          ) : assessment === null ? (
            <div className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-700">
              {isOthersDraft
                ? "Someone is drafting the assessment of this comparison. It appears here once they submit it."
                : "No assessment yet."}
            </div>
          ) : null}
          {assessment && assessment.status === "approved" && canEditAssessment(user, assessment) ? (
            <details className="rounded-xl border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer text-sm font-medium text-indigo-800">
                Revise the approved assessment (it becomes a draft again)
              </summary>
              <div className="mt-4">
                <AssessmentForm comparisonId={comparison.id} assessment={assessment} findings={findings} />
              </div>
            </details>
          ) : null}
        </div>
        <aside className="space-y-5">
          {assessment && canReviewAssessment(user, assessment) ? (
            <ReviewPanel endpoint={`${base}/reviews`} version={assessment.version} afterDecision="/review" />
          ) : null}
          {assessment && canWithdrawAssessment(user, assessment) ? (
            <WithdrawButton endpoint={`${base}/withdraw`} version={assessment.version} what="assessment" />
          ) : null}
          {history ? (
            <section aria-labelledby="assessment-history-title">
              <h2 id="assessment-history-title" className="mb-2 text-base font-semibold">
                History
              </h2>
              <AssessmentHistoryList history={history} />
            </section>
          ) : null}
        </aside>
      </div>
    </main>
  );
}
