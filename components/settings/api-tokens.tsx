"use client";

import { useCallback, useEffect, useState } from "react";

import { TokenCreateForm } from "@/components/settings/token-create-form";
import { TokenRow } from "@/components/settings/token-row";
import { TokenSecret } from "@/components/settings/token-secret";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";
import type { CreatedToken, TokenView } from "@/lib/tokens/views";

type Load = { state: "loading" } | { state: "error"; detail: string } | { state: "ready"; tokens: TokenView[] };

/** Settings → API tokens: personal access tokens for scripts (lib/tokens). */
export function ApiTokens() {
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const [created, setCreated] = useState<CreatedToken | null>(null);

  const refresh = useCallback(async () => {
    const result = await apiFetch<{ tokens: TokenView[] }>("/api/v1/tokens");
    setLoad(result.ok ? { state: "ready", tokens: result.data.tokens } : { state: "error", detail: result.problem.detail });
  }, []);

  useEffect(() => {
    // Loads once on mount; refresh() sets state only after the request answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  return (
    <section aria-labelledby="settings-tokens" className="mb-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="settings-tokens" className="mb-1 text-lg font-semibold">
        API tokens
      </h2>
      <p className="mb-4 text-sm text-slate-600">
        Personal access tokens let scripts call the{" "}
        <a className="underline" href="/api-reference">
          API
        </a>{" "}
        as you, with your role and never more, within the scopes you choose. They cannot manage tokens or accounts.
      </p>
      {created ? <TokenSecret created={created} onDone={() => setCreated(null)} /> : null}
      <TokenCreateForm
        onCreated={(token) => {
          setCreated(token);
          void refresh();
        }}
      />
      <h3 className="mt-6 text-sm font-semibold text-slate-800">Your tokens</h3>
      {load.state === "loading" ? (
        <p role="status" className="mt-2 text-sm text-slate-600">
          Loading tokens…
        </p>
      ) : load.state === "error" ? (
        <div className="mt-2">
          <FormError message={`Could not load your tokens: ${load.detail}`} />
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => void refresh()}>
            Try again
          </Button>
        </div>
      ) : load.tokens.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No tokens yet. Create one above for a script.</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-200" aria-label="Your API tokens">
          {load.tokens.map((token) => (
            <TokenRow key={token.id} token={token} onRevoked={() => void refresh()} />
          ))}
        </ul>
      )}
    </section>
  );
}
