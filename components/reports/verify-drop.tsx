"use client";

import { useId, useState } from "react";

import { FormError } from "@/components/ui/form-error";
import type { Verification } from "@/lib/reports/verify-service";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Drop (or choose) a PDF: the server hashes it and says whether it is a report signed off here. */
export function VerifyDrop() {
  const inputId = useId();
  const [isOver, setIsOver] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<{ name: string; verification: Verification } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify(file: File) {
    setIsBusy(true);
    setError(null);
    setResult(null);
    try {
      const response = await fetch("/api/v1/reports/verify", {
        method: "POST",
        headers: { "Content-Type": "application/pdf" },
        body: file,
        credentials: "same-origin",
      });
      const body = (await response.json().catch(() => null)) as (Verification & { detail?: string }) | null;
      if (!response.ok || !body) setError(body?.detail ?? `The file could not be checked (error ${response.status}).`);
      else setResult({ name: file.name, verification: body });
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setIsBusy(false);
    }
  }

  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) void verify(file);
  };

  return (
    <div className="space-y-4">
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsOver(false);
          pick(event.dataTransfer.files);
        }}
        className={`flex min-h-40 cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed p-6 text-center focus-within:outline-2 focus-within:outline-indigo-600 ${isOver ? "border-indigo-600 bg-indigo-50" : "border-slate-300 bg-white"}`}
      >
        <span className="text-sm font-medium text-slate-900">Drop a report PDF here, or choose a file</span>
        <span className="text-xs text-slate-600">The file is fingerprinted on the server and compared with every signed-off report.</span>
        <input id={inputId} type="file" accept="application/pdf,.pdf" className="sr-only" onChange={(event) => pick(event.target.files)} />
      </label>
      {isBusy ? (
        <p role="status" className="text-sm text-slate-700">
          Checking…
        </p>
      ) : null}
      <FormError message={error} />
      {result ? <VerificationResult name={result.name} verification={result.verification} /> : null}
    </div>
  );
}

function VerificationResult({ name, verification }: { name: string; verification: Verification }) {
  if (!verification.verified) {
    return (
      <div role="status" className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900" data-testid="verification-result">
        <p className="font-semibold">Not verified: {name}</p>
        <p className="mt-1">{verification.reason}</p>
        <p className="mt-1 font-mono text-xs break-all">SHA-256 {verification.sha256}</p>
      </div>
    );
  }
  const { signoff } = verification;
  return (
    <div
      role="status"
      className="rounded-lg border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-950"
      data-testid="verification-result"
    >
      <p className="font-semibold">Verified: this is the report signed off on “{signoff.comparisonTitle}”.</p>
      <p className="mt-1">
        Signed off by {signoff.signedBy.name} ({signoff.signedBy.role}) on {dateTime.format(new Date(signoff.signedAt))} UTC.
      </p>
      {signoff.statement ? <p dir="auto">“{signoff.statement}”</p> : null}
      <p className="mt-1">
        {verification.changesSince === 0
          ? "Nothing has changed in the comparison since."
          : `${verification.changesSince} change${verification.changesSince === 1 ? "" : "s"} since the sign-off; ${verification.newerFindings} finding${verification.newerFindings === 1 ? "" : "s"} approved since.`}
        {verification.newerSignoffs > 0 ? ` A newer sign-off exists.` : ""}
      </p>
      <p className="mt-1 font-mono text-xs break-all">SHA-256 {verification.sha256}</p>
    </div>
  );
}
