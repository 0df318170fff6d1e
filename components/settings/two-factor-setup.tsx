"use client";

import { useState, type FormEvent } from "react";

import { RecoveryCodesList } from "@/components/settings/recovery-codes-list";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch, type ProblemBody } from "@/lib/client/api-client";

type Setup = { secret: string; uri: string; qrSvg: string };

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Enrolment: a QR code (rendered on the server) and the secret as text,
 * confirmed with a code; then the recovery codes, shown this once.
 */
export function TwoFactorSetup({ onDone }: { onDone: () => void }) {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function start() {
    setIsBusy(true);
    const result = await apiFetch<Setup>("/api/v1/account/two-factor/setup", { method: "POST" });
    setIsBusy(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setSetup(result.data);
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setIsBusy(true);
    const code = String(new FormData(event.currentTarget).get("code") ?? "");
    const result = await apiFetch<{ recoveryCodes: string[] }>("/api/v1/account/two-factor", { method: "POST", body: { code } });
    setIsBusy(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setCodes(result.data.recoveryCodes);
  }

  if (codes) {
    return (
      <div>
        <p role="status" className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          Two-factor authentication is on. Save these recovery codes somewhere safe: each signs you in once if you lose your device. They
          are shown only now.
        </p>
        <RecoveryCodesList codes={codes} />
        <Button onClick={onDone}>I have saved my recovery codes</Button>
      </div>
    );
  }

  if (!setup) {
    return (
      <div>
        <p className="mb-3 text-sm text-slate-600">
          Sign-in will ask for a code from an authenticator app on your phone after your password.
        </p>
        <FormError message={problem?.detail} className="mb-3" />
        <Button onClick={() => void start()} disabled={isBusy}>
          Set up two-factor authentication
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} noValidate className="space-y-3">
      <p className="text-sm text-slate-600">Scan this QR code with your authenticator app, or type the key below into it.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL of the server-rendered SVG */}
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
        alt="QR code to add Parallax to your authenticator app"
        width={192}
        height={192}
        className="rounded border border-slate-200 bg-white"
      />
      <p className="text-sm">
        Key:{" "}
        <code data-testid="totp-secret" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono break-all">
          {grouped(setup.secret)}
        </code>
      </p>
      <div>
        <label htmlFor="two-factor-code" className="block text-sm font-medium text-slate-700">
          Code from your app
        </label>
        <input
          id="two-factor-code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input mt-1 max-w-[12rem]"
          aria-invalid={Boolean(problem?.errors?.code)}
        />
      </div>
      <FormError message={problem?.detail} />
      <Button type="submit" disabled={isBusy}>
        Turn on two-factor authentication
      </Button>
    </form>
  );
}
