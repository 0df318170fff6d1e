"use client";

import { useState, type FormEvent } from "react";

import { RecoveryCodesList } from "@/components/settings/recovery-codes-list";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch, type ProblemBody } from "@/lib/client/api-client";

/** New recovery codes for lost or used-up ones: password and a current code; the old codes stop working. */
export function RegenerateRecoveryCodes({ onDone }: { onDone: () => void }) {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setIsBusy(true);
    const result = await apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/two-factor/recovery-codes", {
      method: "POST",
      body: { password: String(data.get("password") ?? ""), code: String(data.get("code") ?? "") },
    });
    setIsBusy(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setCodes(result.data.recoveryCodes);
  }

  if (codes) {
    return (
      <div className="mt-4 border-t border-slate-200 pt-4">
        <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          New recovery codes made; the old ones no longer work. Save these somewhere safe: they are shown only now.
        </p>
        <RecoveryCodesList codes={codes} />
        <Button
          onClick={() => {
            setCodes(null);
            onDone();
          }}
        >
          I have saved my recovery codes
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <h3 className="text-sm font-semibold">Regenerate recovery codes</h3>
      <p className="text-sm text-slate-600">Ten new codes replace the old ones, used or not.</p>
      <div>
        <label htmlFor="recovery-regenerate-password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="recovery-regenerate-password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="input mt-1 max-w-sm"
          aria-invalid={Boolean(problem?.errors?.password)}
        />
      </div>
      <div>
        <label htmlFor="recovery-regenerate-code" className="block text-sm font-medium text-slate-700">
          Code from your app
        </label>
        <input
          id="recovery-regenerate-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input mt-1 max-w-[12rem]"
          aria-invalid={Boolean(problem?.errors?.code)}
        />
      </div>
      <FormError message={problem?.detail} />
      <Button type="submit" disabled={isBusy}>
        Regenerate recovery codes
      </Button>
    </form>
  );
}
