"use client";

import { useState, type FormEvent } from "react";

import { MIN_PASSWORD } from "@/lib/auth/password-length";
import { roles, type Role } from "@/lib/auth/permissions";
import type { UserView } from "@/lib/users/service";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

type Panel = "none" | "confirm-disable" | "password";
type Props = { user: UserView; isSelf: boolean; isNew?: boolean; onChanged: (user: UserView) => void };

// A role change is two steps: choosing in the menu only proposes it (arrowing
// through the options saves nothing); a confirmation applies it.

export function UserRow({ user, isSelf, isNew = false, onChanged }: Props) {
  const [panel, setPanel] = useState<Panel>("none");
  const [chosenRole, setChosenRole] = useState<Role>(user.role);
  const isRoleChosen = chosenRole !== user.role;
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

  async function confirmRole() {
    if (await patch({ role: chosenRole }, `${user.name} is now ${chosenRole}.`)) return;
    setChosenRole(user.role);
  }

  const panelRow = panel !== "none" || message || isRoleChosen;
  return (
    <>
      <tr className={user.isDisabled ? "bg-slate-50 text-slate-500" : ""}>
        <td className="px-4 py-3 font-medium text-slate-900">
          {user.name}
          {isSelf ? <span className="ml-1.5 text-xs font-normal text-slate-600">(you)</span> : null}
          {isNew ? (
            <span className="ml-1.5 rounded-full bg-indigo-100 px-1.5 py-0.5 text-xs font-semibold text-indigo-900">New</span>
          ) : null}
        </td>
        <td className="px-4 py-3 break-all">{user.email}</td>
        <td className="px-4 py-3">
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role for {user.name}
          </label>
          <select
            id={`role-${user.id}`}
            value={chosenRole}
            disabled={isPending}
            onChange={(e) => {
              setMessage(null);
              setChosenRole(e.target.value as Role);
            }}
            aria-describedby={isRoleChosen ? `role-confirm-${user.id}` : undefined}
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
        <td className="px-4 py-3 whitespace-nowrap text-slate-600">
          <time dateTime={user.createdAt}>{user.createdAt.slice(0, 10)}</time>
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
          <td colSpan={6} className="bg-slate-50 px-4 pb-3">
            {isRoleChosen ? (
              <div
                role="group"
                aria-label={`Confirm role change for ${user.name}`}
                className="mb-2 flex flex-wrap items-center gap-3 rounded-md border border-indigo-200 bg-indigo-50 p-3 text-sm text-indigo-950"
              >
                <span id={`role-confirm-${user.id}`} className="flex-1">
                  Change <strong>{user.name}</strong> from {user.role} to <strong>{chosenRole}</strong>? It applies at their next request.
                </span>
                <Button size="sm" disabled={isPending} onClick={() => void confirmRole()}>
                  Change role
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setChosenRole(user.role)}>
                  Keep {user.role}
                </Button>
              </div>
            ) : null}
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
