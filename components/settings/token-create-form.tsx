"use client";

import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch, type ProblemBody } from "@/lib/client/api-client";
import { MAX_TOKEN_DAYS, MAX_TOKEN_NAME, tokenScopeDescriptions, tokenScopes } from "@/lib/tokens/schemas";
import type { CreatedToken } from "@/lib/tokens/views";

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The name, scopes and expiry of a new token; the secret comes back once, to the parent. */
export function TokenCreateForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [busy, setBusy] = useState(false);
  const today = new Date();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const day = String(data.get("expiresOn") ?? "");
    setBusy(true);
    const result = await apiFetch<CreatedToken>("/api/v1/tokens", {
      method: "POST",
      body: {
        name: String(data.get("name") ?? ""),
        scopes: data.getAll("scopes").map(String),
        // The token works through the whole chosen day (UTC).
        expiresAt: /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T23:59:59Z` : day,
      },
    });
    setBusy(false);
    setProblem(result.ok ? null : result.problem);
    if (result.ok) {
      form.reset();
      onCreated(result.data);
    }
  }

  const error = (field: string) => problem?.errors?.[field];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Create an API token">
      <div>
        <label htmlFor="token-name" className="block text-sm font-medium text-slate-700">
          Name
        </label>
        <input
          id="token-name"
          name="name"
          dir="auto"
          maxLength={MAX_TOKEN_NAME}
          placeholder="e.g. nightly export script"
          className="input mt-1 max-w-sm"
          aria-invalid={Boolean(error("name"))}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Scopes</legend>
        <div className="mt-1 space-y-1">
          {tokenScopes.map((scope) => (
            <label key={scope} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "read"} className="mt-1" />
              <span>
                <span className="font-medium">{scope}</span> <span className="text-slate-600">— {tokenScopeDescriptions[scope]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="token-expiry" className="block text-sm font-medium text-slate-700">
          Expires on
        </label>
        <input
          id="token-expiry"
          name="expiresOn"
          type="date"
          defaultValue={isoDay(new Date(today.getTime() + 90 * DAY))}
          min={isoDay(today)}
          max={isoDay(new Date(today.getTime() + (MAX_TOKEN_DAYS - 1) * DAY))}
          aria-describedby="token-expiry-hint"
          className="input mt-1 max-w-xs"
          aria-invalid={Boolean(error("expiresAt"))}
        />
        <p id="token-expiry-hint" className="mt-1 text-xs text-slate-600">
          At the end of that day (UTC); at most {MAX_TOKEN_DAYS} days from now.
        </p>
      </div>
      <FormError message={problem ? (Object.values(problem.errors ?? {})[0] ?? problem.detail) : null} />
      <Button type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
