import type { Metadata } from "next";

import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  // Non-admins are sent home with ?denied=1; the API answers them 403.
  const user = await requirePageUser("user.manage");
  const users = await listUsers(user);
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Create accounts, change roles, disable access and reset passwords. Changes apply at the person&apos;s next request.
      </p>
      <UsersAdmin initialUsers={users} currentUserId={user.id} />
    </main>
  );
}
