"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { ErrorSummary, type ErrorSummaryItem } from "@/components/ui/error-summary";
import { apiFetch } from "@/lib/client/api-client";
import {
  analyticConfidences,
  confidenceHint,
  confidenceLabel,
  likelihoodLabel,
  likelihoodRange,
  likelihoods,
  MAX_JUDGMENT,
  type AnalyticConfidence,
  type Likelihood,
} from "@/lib/assessments/scale";
import type { AssessmentView, CitedFinding } from "@/lib/assessments/views";

import { FindingPicker } from "./finding-picker";

// Writing the bottom line: the key judgment, its likelihood in ICD 203 words,
// the analytic confidence, and the findings it rests on. Saved as a draft or
// submitted for review; the server checks every rule again.

type Props = { comparisonId: string; assessment: AssessmentView | null; findings: CitedFinding[] };

const fieldIds: Record<string, string> = {
  judgment: "assessment-judgment",
  likelihood: `assessment-likelihood-${likelihoods[0]}`,
  confidence: `assessment-confidence-${analyticConfidences[0]}`,
  annotationIds: "finding-filter",
};

export function AssessmentForm({ comparisonId, assessment, findings }: Props) {
  const router = useRouter();
  const [judgment, setJudgment] = useState(assessment?.judgment ?? "");
  const [likelihood, setLikelihood] = useState<Likelihood | null>(assessment?.likelihood ?? null);
  const [confidence, setConfidence] = useState<AnalyticConfidence | null>(assessment?.confidence ?? null);
  const [cited, setCited] = useState<string[]>(assessment?.annotationIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ detail: string | null; items: ErrorSummaryItem[] } | null>(null);
  const [failures, setFailures] = useState(0);
  const [pending, setPending] = useState<"save" | "submit" | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fail = (detail: string | null, fieldErrors: Record<string, string>) => {
    setErrors(fieldErrors);
    setSummary({
      detail,
      items: Object.entries(fieldErrors).map(([key, message]) => {
        const [field, index] = key.split(".");
        const finding = index === undefined ? null : findings.find((f) => f.id === cited[Number(index)]);
        return {
          message: finding ? `“${finding.rationale.slice(0, 60)}”: ${message}` : message,
          fieldId: finding ? `cite-${finding.id}` : fieldIds[field ?? ""],
        };
      }),
    });
    setFailures((n) => n + 1);
  };

  async function save(submit: boolean) {
    setSaved(null);
    const local: Record<string, string> = {};
    if (!judgment.trim()) local.judgment = "Write the key judgment.";
    if (!likelihood) local.likelihood = "Choose how likely it is.";
    if (!confidence) local.confidence = "Choose your confidence.";
    if (submit && cited.length === 0) local.annotationIds = "Cite at least one finding.";
    if (Object.keys(local).length > 0) return fail(null, local);
    setPending(submit ? "submit" : "save");
    const result = await apiFetch<AssessmentView>(`/api/v1/comparisons/${comparisonId}/assessment`, {
      method: "PUT",
      body: { judgment, likelihood, confidence, annotationIds: cited, submit, ...(assessment ? { version: assessment.version } : {}) },
    });
    setPending(null);
    if (!result.ok) {
      const detail =
        result.problem.status === 409 ? `${result.problem.detail} Reload the page to see the current assessment.` : result.problem.detail;
      return fail(detail, result.problem.errors ?? {});
    }
    setErrors({});
    setSummary(null);
    setSaved(
      submit
        ? "Submitted for review. A reviewer other than you will decide on it."
        : `Saved as a draft (version ${result.data.version}). Only you can see it.`,
    );
    router.refresh();
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby="assessment-form-title"
    >
      <h2 id="assessment-form-title" className="text-base font-semibold">
        {assessment ? "Revise the assessment" : "Write the assessment"}
      </h2>
      <ErrorSummary
        ref={summaryRef}
        id="assessment-errors"
        title="The assessment was not saved"
        detail={summary?.detail}
        items={summary?.items ?? []}
      />
      <div>
        <label htmlFor="assessment-judgment" className="text-sm font-medium text-slate-800">
          Key judgment
        </label>
        <textarea
          id="assessment-judgment"
          value={judgment}
          onChange={(event) => setJudgment(event.target.value)}
          rows={5}
          maxLength={MAX_JUDGMENT}
          dir="auto"
          aria-invalid={errors.judgment ? true : undefined}
          aria-describedby={`assessment-judgment-hint${errors.judgment ? " assessment-judgment-error" : ""}`}
          className="input mt-1 font-serif aria-invalid:border-red-500"
          placeholder="Russia's military presence in Mali continues under the Africa Corps, despite Wagner's announced exit."
        />
        <p id="assessment-judgment-hint" className="mt-1 text-xs text-slate-700">
          The answer to the comparison&apos;s question, in one or two sentences. {judgment.length.toLocaleString("en")} /{" "}
          {MAX_JUDGMENT.toLocaleString("en")}
        </p>
        {errors.judgment ? (
          <p id="assessment-judgment-error" className="mt-1 text-sm text-red-700">
            {errors.judgment}
          </p>
        ) : null}
      </div>

      <fieldset className="min-w-0" aria-describedby={errors.likelihood ? "assessment-likelihood-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">How likely is it? (ICD 203)</legend>
        <div className="mt-1 grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-4">
          {likelihoods.map((value) => (
            <label
              key={value}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-2 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${likelihood === value ? "border-indigo-600 bg-indigo-50 text-indigo-950" : "border-slate-300 text-slate-800"}`}
            >
              <input
                id={`assessment-likelihood-${value}`}
                type="radio"
                name="likelihood"
                value={value}
                checked={likelihood === value}
                onChange={() => setLikelihood(value)}
              />
              <span>
                {likelihoodLabel[value]} <span className="text-xs whitespace-nowrap text-slate-700">{likelihoodRange[value]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.likelihood ? (
          <p id="assessment-likelihood-error" className="mt-1 text-sm text-red-700">
            {errors.likelihood}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="min-w-0" aria-describedby={errors.confidence ? "assessment-confidence-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Analytic confidence</legend>
        <div className="mt-1 grid grid-cols-1 gap-1 md:grid-cols-3">
          {analyticConfidences.map((value) => (
            <label
              key={value}
              className={`flex cursor-pointer items-start gap-2 rounded-md border px-2 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600 ${confidence === value ? "border-indigo-600 bg-indigo-50 text-indigo-950" : "border-slate-300 text-slate-800"}`}
            >
              <input
                id={`assessment-confidence-${value}`}
                type="radio"
                name="confidence"
                value={value}
                checked={confidence === value}
                onChange={() => setConfidence(value)}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{confidenceLabel[value]}</span>
                <span className="block text-xs text-slate-700">{confidenceHint[value]}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.confidence ? (
          <p id="assessment-confidence-error" className="mt-1 text-sm text-red-700">
            {errors.confidence}
          </p>
        ) : null}
      </fieldset>

      <FindingPicker comparisonId={comparisonId} findings={findings} cited={cited} onChange={setCited} error={errors.annotationIds} />

      {saved ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {saved}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending !== null}>
          {pending === "submit" ? "Submitting…" : "Submit for review"}
        </Button>
        <Button variant="secondary" disabled={pending !== null} onClick={() => void save(false)}>
          {pending === "save" ? "Saving…" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}
