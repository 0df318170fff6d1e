"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { RegenerateRecoveryCodes } from "@/components/settings/regenerate-recovery-codes";
import { TwoFactorSetup } from "@/components/settings/two-factor-setup";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch, type ProblemBody } from "@/lib/client/api-client";

function DisableForm({ onDone }: { onDone: () => void }) {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = await apiFetch("/api/v1/account/two-factor/disable", {
      method: "POST",
      body: { password: String(data.get("password") ?? ""), code: String(data.get("code") ?? "") },
    });
    setProblem(result.ok ? null : result.problem);
    if (result.ok) onDone();
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-3 border-t border-slate-200 pt-4">
      <h3 className="text-sm font-semibold">Turn off two-factor authentication</h3>
      <div>
        <label htmlFor="two-factor-off-password" className="block text-sm font-medium text-slate-700">
          Password
        </label>
        <input
          id="two-factor-off-password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="input mt-1 max-w-sm"
          aria-invalid={Boolean(problem?.errors?.password)}
        />
      </div>
      <div>
        <label htmlFor="two-factor-off-code" className="block text-sm font-medium text-slate-700">
          Code from your app, or a recovery code
        </label>
        <input
          id="two-factor-off-code"
          name="code"
          autoComplete="one-time-code"
          className="input mt-1 max-w-[12rem]"
          aria-invalid={Boolean(problem?.errors?.code)}
        />
      </div>
      <FormError message={problem?.detail} />
      <Button type="submit" variant="danger">
        Turn off two-factor
      </Button>
    </form>
  );
}

/** The settings section: enrol, or see the state and turn it off. */
export function TwoFactorSettings({
  enabled,
  recoveryCodesLeft,
  afterEnrolHref,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** Where to go once enrolled (the required set-up page); else this page refreshes. */
  afterEnrolHref?: string;
}) {
  const router = useRouter();
  if (!enabled) return <TwoFactorSetup onDone={() => (afterEnrolHref ? router.push(afterEnrolHref) : router.refresh())} />;
  return (
    <div>
      <p className="text-sm text-slate-700">
        <span className="font-medium text-emerald-800">On.</span> Sign-in asks for a code from your authenticator app. {recoveryCodesLeft}{" "}
        of 10 recovery codes left.
      </p>
      <RegenerateRecoveryCodes onDone={() => router.refresh()} />
      <DisableForm onDone={() => router.refresh()} />
    </div>
  );
}
