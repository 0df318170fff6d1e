"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ChangeEvent, type Ref } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";
import { IMPORT_MAX_BYTES } from "@/lib/interop/import/limits";
import type { ImportReport } from "@/lib/interop/import/types";

import { ImportReportView } from "./import-report";

type Props = { ref: Ref<HTMLDialogElement>; comparisonId: string };
type Phase = "choose" | "checking" | "checked" | "importing" | "done";

/**
 * Import annotations from a W3C Web Annotation or Hypothesis file: the file
 * is first checked (a dry run: nothing is written) and the report shown;
 * only then can the person import, confirming each fuzzy match.
 */
export function ImportDialog({ ref, comparisonId }: Props) {
  const router = useRouter();
  const id = useId();
  const [document, setDocument] = useState<unknown>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirmed, setConfirmed] = useState<Set<number>>(new Set());
  const [phase, setPhase] = useState<Phase>("choose");
  const [error, setError] = useState<string | null>(null);

  function reset() {
    setDocument(null);
    setFileName(null);
    setReport(null);
    setConfirmed(new Set());
    setPhase("choose");
    setError(null);
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    reset();
    if (!file) return;
    if (file.size > IMPORT_MAX_BYTES) return setError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it.`);
    try {
      setDocument(JSON.parse(await file.text()));
      setFileName(file.name);
    } catch {
      setError("This file is not valid JSON. Export W3C annotations (.jsonld / .json) or a Hypothesis search result.");
    }
  }

  async function send(isDryRun: boolean) {
    setPhase(isDryRun ? "checking" : "importing");
    setError(null);
    const query = isDryRun ? "dryRun=true" : `confirm=${confirmed.size > 0 ? [...confirmed].join(",") : "none"}`;
    const result = await apiFetch<ImportReport>(`/api/v1/comparisons/${comparisonId}/imports?${query}`, { method: "POST", body: document });
    if (!result.ok) {
      setPhase(isDryRun ? "choose" : "checked");
      const fields = Object.entries(result.problem.errors ?? {}).slice(0, 3);
      return setError([result.problem.detail, ...fields.map(([field, message]) => `${field}: ${message}`)].join(" · "));
    }
    setReport(result.data);
    setPhase(isDryRun ? "checked" : "done");
    if (!isDryRun) router.refresh();
  }

  const toImport = report ? report.summary.anchored + confirmed.size : 0;
  const isBusy = phase === "checking" || phase === "importing";

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-heading`}
      onClose={reset}
      className="m-auto w-full max-w-2xl rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-4 p-5">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Import annotations
        </h2>
        <p className="text-sm text-slate-700">
          A W3C Web Annotation file (for example another Parallax export) or a Hypothesis search result. Each passage is looked up in this
          comparison&apos;s sources; what is found becomes your drafts. Nothing is written until you press Import.
        </p>
        <div>
          <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium">
            Annotation file
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,.jsonld,application/json,application/ld+json"
            onChange={chooseFile}
            className="input"
            disabled={isBusy}
          />
        </div>
        <FormError message={error} />
        {report ? (
          <section aria-label={phase === "done" ? "Import result" : "Dry run report"} aria-live="polite" className="space-y-2">
            <h3 className="text-sm font-semibold">
              {phase === "done"
                ? `Imported ${report.summary.imported} annotation(s) as drafts`
                : `Checked ${fileName ?? "the file"}: nothing written yet`}
            </h3>
            <ImportReportView
              report={report}
              confirmed={confirmed}
              onToggle={
                phase === "checked"
                  ? (index) =>
                      setConfirmed((current) => {
                        const next = new Set(current);
                        if (!next.delete(index)) next.add(index);
                        return next;
                      })
                  : undefined
              }
            />
          </section>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={(event) => event.currentTarget.closest("dialog")?.close()}>
            {phase === "done" ? "Close" : "Cancel"}
          </Button>
          {phase === "choose" || phase === "checking" ? (
            <Button onClick={() => void send(true)} disabled={document === null || isBusy} aria-busy={phase === "checking"}>
              {phase === "checking" ? "Checking…" : "Check file"}
            </Button>
          ) : null}
          {phase === "checked" || phase === "importing" ? (
            <Button onClick={() => void send(false)} disabled={toImport === 0 || isBusy} aria-busy={phase === "importing"}>
              {phase === "importing" ? "Importing…" : `Import ${toImport} annotation${toImport === 1 ? "" : "s"}`}
            </Button>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
