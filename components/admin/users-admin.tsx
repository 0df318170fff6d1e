"use client";

import { useState } from "react";

import type { UserView } from "@/lib/users/service";

import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";
import { arrangeUsers, defaultUserSort, type UserSort, type UserSortKey } from "./users-table";

// Accounts for admins: create, change role, disable/enable, reset password;
// search and sort, newest first. Every change goes through /api/v1/users,
// which re-checks the rules.

const columns: Array<{ key: UserSortKey; label: string }> = [
  { key: "name", label: "Name" },
  { key: "email", label: "Email" },
  { key: "role", label: "Role" },
  { key: "status", label: "Status" },
  { key: "createdAt", label: "Created" },
];

export function UsersAdmin({ initialUsers, currentUserId }: { initialUsers: UserView[]; currentUserId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const [newIds, setNewIds] = useState<string[]>([]);
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<UserSort>(defaultUserSort);
  const upsert = (user: UserView) =>
    setUsers((list) => (list.some((u) => u.id === user.id) ? list.map((u) => (u.id === user.id ? user : u)) : [...list, user]));
  const onCreated = (user: UserView) => {
    upsert(user);
    setNewIds((ids) => [user.id, ...ids]);
  };
  const shown = arrangeUsers(users, { query, sort, newIds });
  const sortBy = (key: UserSortKey) =>
    setSort((current) => (current.key === key ? { key, isDescending: !current.isDescending } : { key, isDescending: key === "createdAt" }));

  return (
    <div className="space-y-8">
      <CreateUserForm onCreated={onCreated} />
      <section aria-labelledby="users-title">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="users-title" className="text-base font-semibold">
            Accounts <span className="font-normal text-slate-600">({users.length})</span>
          </h2>
          <div role="search" aria-label="Accounts">
            <label htmlFor="user-search" className="block text-sm font-medium text-slate-700">
              Search accounts
            </label>
            <input
              id="user-search"
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Name, email, role or status"
              className="input mt-1 w-72 max-w-full"
            />
          </div>
        </div>
        <p role="status" className="sr-only">
          {query ? `${shown.length} of ${users.length} accounts match.` : ""}
        </p>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
              <tr>
                {columns.map((column) => {
                  const isSorted = sort.key === column.key;
                  return (
                    <th
                      key={column.key}
                      scope="col"
                      className="px-4 py-2.5 font-semibold"
                      aria-sort={isSorted ? (sort.isDescending ? "descending" : "ascending") : undefined}
                    >
                      <button
                        type="button"
                        onClick={() => sortBy(column.key)}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                      >
                        {column.label}
                        <span aria-hidden className="text-slate-500">
                          {isSorted ? (sort.isDescending ? "↓" : "↑") : "↕"}
                        </span>
                        <span className="sr-only">
                          {isSorted ? `, sorted ${sort.isDescending ? "descending" : "ascending"}` : ", sort"}
                        </span>
                      </button>
                    </th>
                  );
                })}
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} isNew={newIds.includes(user.id)} onChanged={upsert} />
              ))}
              {shown.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-4 py-6 text-center text-slate-600">
                    No account matches “{query}”.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
