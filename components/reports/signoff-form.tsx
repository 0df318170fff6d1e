"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";
import type { SignoffView } from "@/lib/reports/signoff-views";

/** Signs the comparison's approved findings off (reviewers and admins). */
export function SignoffForm({ comparisonId }: { comparisonId: string }) {
  const router = useRouter();
  const statementId = useId();
  const [statement, setStatement] = useState("");
  const [includeAuditTrail, setIncludeAuditTrail] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function signOff(event: React.FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(null);
    setDone(null);
    const result = await apiFetch<SignoffView>(`/api/v1/comparisons/${comparisonId}/signoffs`, {
      method: "POST",
      body: { statement: statement.trim() || undefined, includeAuditTrail },
    });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.problem.detail);
      return;
    }
    setDone(`Signed off. Fingerprint ${result.data.sha256.slice(0, 16)}…`);
    setStatement("");
    router.refresh();
  }

  return (
    <form onSubmit={signOff} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Sign off this report">
      <h2 className="text-base font-semibold">Sign off the approved findings</h2>
      <p className="text-sm text-slate-600">
        Freezes the report as it stands now (approved findings only) and stores the PDF with its SHA-256 fingerprint. Later changes do not
        alter it.
      </p>
      <div>
        <label htmlFor={statementId} className="block text-sm font-medium text-slate-800">
          Statement <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <textarea
          id={statementId}
          dir="auto"
          value={statement}
          maxLength={2000}
          onChange={(event) => setStatement(event.target.value)}
          className="input mt-1 min-h-20 w-full"
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={includeAuditTrail} onChange={(event) => setIncludeAuditTrail(event.target.checked)} />
        Include the audit trail appendix
      </label>
      <FormError message={error} />
      {done ? (
        <p role="status" className="text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
      <Button type="submit" disabled={isBusy} aria-busy={isBusy}>
        {isBusy ? "Signing off…" : "Sign off"}
      </Button>
    </form>
  );
}
