"use client";

import { useState, type FormEvent, type ReactNode } from "react";

import { MIN_PASSWORD } from "@/lib/auth/password-length";
import { roles } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/users/service";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

type Errors = Record<string, string>;

function Field({ id, label, error, children }: { id: string; label: string; error?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isPending, setIsPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    setIsPending(true);
    setMessage(null);
    const result = await apiFetch<UserView>("/api/v1/users", { method: "POST", body: data });
    setIsPending(false);
    if (!result.ok) {
      setErrors(result.problem.errors ?? {});
      setMessage({ text: result.problem.errors ? "Check the highlighted fields." : result.problem.detail, isError: true });
      return;
    }
    setErrors({});
    form.reset();
    setMessage({ text: `Created ${result.data.email}. Give them the initial password; they can sign in now.`, isError: false });
    onCreated(result.data);
  }

  const invalid = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `user-${field}-error` } : {});

  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby="create-user-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      noValidate
    >
      <h2 id="create-user-title" className="text-base font-semibold">
        New user
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <Field id="user-email" label="Email" error={errors.email}>
          <input
            id="user-email"
            name="email"
            type="email"
            autoComplete="off"
            required
            className="input aria-invalid:border-red-500"
            {...invalid("email")}
          />
        </Field>
        <Field id="user-name" label="Name" error={errors.name}>
          <input id="user-name" name="name" required className="input aria-invalid:border-red-500" {...invalid("name")} />
        </Field>
        <Field id="user-role" label="Role" error={errors.role}>
          <select id="user-role" name="role" defaultValue="analyst" className="input">
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </Field>
        <Field id="user-password" label="Initial password" error={errors.password}>
          <input
            id="user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            className="input aria-invalid:border-red-500"
            {...invalid("password")}
          />
        </Field>
      </div>
      {message ? (
        <p
          role="status"
          className={`mt-4 rounded-md px-3 py-2 text-sm ${message.isError ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
        >
          {message.text}
        </p>
      ) : null}
      <Button type="submit" className="mt-4" disabled={isPending}>
        {isPending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}
