"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch, type ProblemBody } from "@/lib/client/api-client";
import { MIN_PASSWORD } from "@/lib/auth/password-length";

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Notice({ message }: { message: string | null }) {
  return message ? (
    <p role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {message}
    </p>
  ) : null;
}

function fieldError(problem: ProblemBody | null, field: string): string | undefined {
  return problem?.errors?.[field];
}

function ProfileForm({ name }: { name: string }) {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const result = await apiFetch("/api/v1/account", {
      method: "PATCH",
      body: { name: String(new FormData(event.currentTarget).get("name") ?? "") },
    });
    setProblem(result.ok ? null : result.problem);
    if (result.ok) setNotice("Name saved.");
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <label htmlFor="settings-name" className="block text-sm font-medium text-slate-700">
        Name
      </label>
      <input
        id="settings-name"
        name="name"
        defaultValue={name}
        dir="auto"
        className="input mt-1 max-w-sm"
        aria-invalid={Boolean(fieldError(problem, "name"))}
      />
      <FormError message={problem?.detail} className="mt-3" />
      <Notice message={notice} />
      <Button type="submit" className="mt-3">
        Save name
      </Button>
    </form>
  );
}

function PasswordForm() {
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setNotice(null);
    const result = await apiFetch("/api/v1/account/password", {
      method: "POST",
      body: { currentPassword: String(data.get("currentPassword") ?? ""), newPassword: String(data.get("newPassword") ?? "") },
    });
    setProblem(result.ok ? null : result.problem);
    if (result.ok) {
      form.reset();
      setNotice("Password changed. Every other session has been signed out.");
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div>
        <label htmlFor="current-password" className="block text-sm font-medium text-slate-700">
          Current password
        </label>
        <input
          id="current-password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          className="input mt-1 max-w-sm"
          aria-invalid={Boolean(fieldError(problem, "currentPassword"))}
        />
      </div>
      <div>
        <label htmlFor="new-password" className="block text-sm font-medium text-slate-700">
          New password
        </label>
        <input
          id="new-password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD}
          aria-describedby="new-password-hint"
          className="input mt-1 max-w-sm"
          aria-invalid={Boolean(fieldError(problem, "newPassword"))}
        />
        <p id="new-password-hint" className="mt-1 text-xs text-slate-600">
          At least {MIN_PASSWORD} characters, and not a common password.
        </p>
      </div>
      <FormError message={problem ? (Object.values(problem.errors ?? {})[0] ?? problem.detail) : null} />
      <Notice message={notice} />
      <Button type="submit">Change password</Button>
    </form>
  );
}

function SignOutEverywhere() {
  const router = useRouter();
  const [problem, setProblem] = useState<ProblemBody | null>(null);
  async function onClick() {
    const result = await apiFetch("/api/v1/account/sessions", { method: "DELETE" });
    if (result.ok) router.push("/login");
    else setProblem(result.problem);
  }
  return (
    <div>
      <p className="mb-3 text-sm text-slate-600">Ends every session of your account on every device, this one included.</p>
      <FormError message={problem?.detail} className="mb-3" />
      <Button variant="secondary" onClick={() => void onClick()}>
        Sign out everywhere
      </Button>
    </div>
  );
}

export function AccountForms({ name }: { name: string }) {
  return (
    <>
      <Section title="Profile" id="settings-profile">
        <ProfileForm name={name} />
      </Section>
      <Section title="Password" id="settings-password">
        <PasswordForm />
      </Section>
      <Section title="Sessions" id="settings-sessions">
        <SignOutEverywhere />
      </Section>
    </>
  );
}
