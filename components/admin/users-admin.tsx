"use client";

import { useState } from "react";

import type { UserView } from "@/lib/users/service";

import { CreateUserForm } from "./create-user-form";
import { UserRow } from "./user-row";

// Accounts for admins: create, change role, disable/enable, reset password.
// Every change goes through /api/v1/users, which re-checks the rules.

export function UsersAdmin({ initialUsers, currentUserId }: { initialUsers: UserView[]; currentUserId: string }) {
  const [users, setUsers] = useState(initialUsers);
  const upsert = (user: UserView) =>
    setUsers((list) => (list.some((u) => u.id === user.id) ? list.map((u) => (u.id === user.id ? user : u)) : [...list, user]));
  return (
    <div className="space-y-8">
      <CreateUserForm onCreated={upsert} />
      <section aria-labelledby="users-title">
        <h2 id="users-title" className="mb-3 text-base font-semibold">
          Accounts <span className="font-normal text-slate-500">({users.length})</span>
        </h2>
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Name
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((user) => (
                <UserRow key={user.id} user={user} isSelf={user.id === currentUserId} onChanged={upsert} />
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
