"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";
import type { TokenView } from "@/lib/tokens/views";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const when = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : "never");

const stateStyle: Record<TokenView["state"], string> = {
  active: "bg-emerald-100 text-emerald-900",
  expired: "bg-slate-200 text-slate-800",
  revoked: "bg-red-100 text-red-900",
};

/** One token: what it may do, when it was used, and revoking it (after a confirmation). */
export function TokenRow({ token, onRevoked }: { token: TokenView; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    const result = await apiFetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    if (result.ok) onRevoked();
    else setError(result.problem.detail);
  }

  const nameId = `token-${token.id}`;
  return (
    <li aria-labelledby={nameId} className="flex flex-wrap items-start gap-x-4 gap-y-2 py-3">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2">
          <span id={nameId} dir="auto" className="font-medium break-words">
            {token.name}
          </span>
          <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${stateStyle[token.state]}`}>{token.state}</span>
        </p>
        <p className="mt-0.5 text-xs text-slate-600">
          <code>{token.prefix}…</code> · {token.scopes.join(", ")} · created {when(token.createdAt)} · expires {when(token.expiresAt)} ·
          last used {when(token.lastUsedAt)}
        </p>
        <FormError message={error} className="mt-2" />
      </div>
      {token.state === "active" ? (
        confirming ? (
          <div role="group" aria-label={`Confirm revoking ${token.name}`} className="flex items-center gap-2">
            <span className="text-sm text-slate-700">Scripts using it stop working.</span>
            <Button variant="danger" size="sm" autoFocus onClick={() => void revoke()}>
              Revoke
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button variant="secondary" size="sm" aria-label={`Revoke ${token.name}`} onClick={() => setConfirming(true)}>
            Revoke…
          </Button>
        )
      ) : null}
    </li>
  );
}
