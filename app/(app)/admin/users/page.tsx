import type { Metadata } from "next";

import { UsersAdmin } from "@/components/admin/users-admin";
import { PageLinks } from "@/components/ui/page-links";
import { requirePageUser } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/service";

export const metadata: Metadata = { title: "Users" };

type Props = { searchParams: Promise<{ cursor?: string }> };

export default async function UsersPage({ searchParams }: Props) {
  // Non-admins are sent home with ?denied=1; the API answers them 403.
  const user = await requirePageUser("user.manage");
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === "string" ? rawCursor : null;
  const { items: users, nextCursor } = await listUsers(user, { cursor });
  return (
    <main className="mx-auto w-full max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Create accounts, change roles, disable access and reset passwords. Changes apply at the person&apos;s next request.
      </p>
      {/* Keyed by page: the table's local state starts over with each page's rows. */}
      <UsersAdmin key={cursor ?? "first"} initialUsers={users} currentUserId={user.id} />
      <PageLinks path="/admin/users" cursor={cursor} nextCursor={nextCursor} label="Pages of users" />
    </main>
  );
}
