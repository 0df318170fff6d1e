"use client";

import { useState, type FormEvent } from "react";

import { MIN_PASSWORD } from "@/lib/auth/password-length";
import { roles, type Role } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/users/service";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

type Panel = "none" | "confirm-disable" | "password";
type Props = { user: UserView; isSelf: boolean; onChanged: (user: UserView) => void };

export function UserRow({ user, isSelf, onChanged }: Props) {
  const [panel, setPanel] = useState<Panel>("none");
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isPending, setIsPending] = useState(false);
  const [password, setPassword] = useState("");

  async function patch(body: { role?: Role; disabled?: boolean; password?: string }, success: string): Promise<boolean> {
    setIsPending(true);
    setMessage(null);
    const result = await apiFetch<UserView>(`/api/v1/users/${user.id}`, { method: "PATCH", body });
    setIsPending(false);
    if (!result.ok) {
      const field = result.problem.errors ? Object.values(result.problem.errors)[0] : undefined;
      setMessage({ text: field ?? result.problem.detail, isError: true });
      return false;
    }
    onChanged(result.data);
    setMessage({ text: success, isError: false });
    return true;
  }

  async function onPassword(event: FormEvent) {
    event.preventDefault();
    if (await patch({ password }, `New password set for ${user.name}.`)) {
      setPassword("");
      setPanel("none");
    }
  }

  const panelRow = panel !== "none" || message;
  return (
    <>
      <tr className={user.isDisabled ? "bg-slate-50 text-slate-500" : ""}>
        <td className="px-4 py-3 font-medium text-slate-900">
          {user.name}
          {isSelf ? <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span> : null}
        </td>
        <td className="px-4 py-3">{user.email}</td>
        <td className="px-4 py-3">
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role for {user.name}
          </label>
          <select
            id={`role-${user.id}`}
            value={user.role}
            disabled={isPending}
            onChange={(e) => void patch({ role: e.target.value as Role }, `${user.name} is now ${e.target.value}.`)}
            className="input w-32 py-1"
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </td>
        <td className="px-4 py-3">
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${user.isDisabled ? "bg-slate-200 text-slate-700" : "bg-emerald-100 text-emerald-900"}`}
          >
            {user.isDisabled ? "Disabled" : "Active"}
          </span>
        </td>
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2">
            <Button
              size="sm"
              variant="secondary"
              onClick={() => setPanel(panel === "password" ? "none" : "password")}
              aria-label={`Reset password for ${user.name}`}
              aria-expanded={panel === "password"}
            >
              Reset password
            </Button>
            {user.isDisabled ? (
              <Button
                size="sm"
                variant="secondary"
                disabled={isPending}
                onClick={() => void patch({ disabled: false }, `${user.name} can sign in again.`)}
                aria-label={`Enable ${user.name}`}
              >
                Enable
              </Button>
            ) : (
              <Button
                size="sm"
                variant="danger"
                disabled={isPending || isSelf}
                title={isSelf ? "You cannot disable your own account." : undefined}
                onClick={() => setPanel("confirm-disable")}
                aria-label={`Disable ${user.name}`}
              >
                Disable
              </Button>
            )}
          </div>
        </td>
      </tr>
      {panelRow ? (
        <tr>
          <td colSpan={5} className="bg-slate-50 px-4 pb-3">
            {panel === "confirm-disable" ? (
              <div
                role="group"
                aria-label={`Confirm disabling ${user.name}`}
                className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
              >
                <span className="flex-1">
                  Disable <strong>{user.name}</strong>? They are signed out at their next request and cannot sign in until enabled again.
                </span>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={isPending}
                  onClick={() => void patch({ disabled: true }, `${user.name} is disabled.`).then((ok) => ok && setPanel("none"))}
                >
                  Confirm disable
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setPanel("none")}>
                  Cancel
                </Button>
              </div>
            ) : null}
            {panel === "password" ? (
              <form onSubmit={onPassword} className="flex flex-wrap items-end gap-3" noValidate>
                <div>
                  <label htmlFor={`password-${user.id}`} className="block text-sm font-medium text-slate-700">
                    New password for {user.name}
                  </label>
                  <input
                    id={`password-${user.id}`}
                    type="password"
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    className="input mt-1 w-72"
                    minLength={MIN_PASSWORD}
                  />
                </div>
                <Button type="submit" size="sm" disabled={isPending}>
                  Set password
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setPanel("none")}>
                  Cancel
                </Button>
              </form>
            ) : null}
            {message ? (
              <p role="status" className={`mt-2 text-sm ${message.isError ? "text-red-700" : "text-emerald-800"}`}>
                {message.text}
              </p>
            ) : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
