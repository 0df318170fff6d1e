"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

const messages: Record<string, string> = {
  RateLimited: "Too many sign-in attempts. Wait a minute, then try again: each further failure makes the wait longer.",
  InvalidCode: "That code is not valid, or was already used. Enter the current code from your app, or a recovery code.",
  default: "Email or password is incorrect.",
};

/** Email and password; then, for accounts with two-factor on, the code (sent again with both). */
export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setIsPending] = useState(false);
  // Set once the password was right and the account asks for a second factor.
  const [pendingLogin, setPendingLogin] = useState<{ email: string; password: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = pendingLogin ?? { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setIsPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        // Explicit: the page's own URL may carry an earlier ?error= that next-auth would report again.
        callbackUrl,
        ...login,
        ...(pendingLogin ? { code: String(form.get("code") ?? "") } : {}),
      });
      setIsPending(false);
      if (result?.error === "TwoFactorRequired") {
        setPendingLogin(login);
        return;
      }
      if (!result || result.error) {
        setError(messages[result?.error ?? ""] ?? messages.default!);
        return;
      }
      window.location.assign(callbackUrl);
    } catch {
      setError("Sign-in is unavailable right now. Try again in a moment.");
      setIsPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" noValidate>
      {pendingLogin ? (
        <div>
          <label htmlFor="code" className="block text-sm font-medium text-slate-700">
            Authentication code
          </label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            aria-describedby="code-hint"
            className="input mt-1"
          />
          <p id="code-hint" className="mt-1 text-xs text-slate-600">
            The 6-digit code from your authenticator app, or one of your recovery codes.
          </p>
        </div>
      ) : (
        <>
          <div>
            <label htmlFor="email" className="block text-sm font-medium text-slate-700">
              Email
            </label>
            <input id="email" name="email" type="email" autoComplete="username" required autoFocus className="input mt-1" />
          </div>
          <div>
            <label htmlFor="password" className="block text-sm font-medium text-slate-700">
              Password
            </label>
            <input id="password" name="password" type="password" autoComplete="current-password" required className="input mt-1" />
          </div>
        </>
      )}
      <FormError message={error} id="login-error" />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? "Signing in…" : pendingLogin ? "Verify" : "Sign in"}
      </Button>
      {pendingLogin && (
        <button type="button" className="w-full text-sm text-indigo-700 underline" onClick={() => setPendingLogin(null)}>
          Use another account
        </button>
      )}
    </form>
  );
}
