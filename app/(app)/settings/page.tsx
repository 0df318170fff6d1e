import type { Metadata } from "next";

import { AccountForms } from "@/components/settings/account-forms";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Account settings</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Signed in as <span dir="auto">{user.email}</span>.
      </p>
      <AccountForms name={user.name} />
      {/*
        API TOKENS SLOT — the interoperability work adds its section here
        (e.g. <ApiTokens /> from components/settings/api-tokens.tsx), below the
        account forms; its tokens are resolved beside the session in
        getCurrentUser (lib/auth/session.ts).
      */}
    </main>
  );
}
