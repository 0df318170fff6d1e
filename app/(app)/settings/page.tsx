import type { Metadata } from "next";

import { AccountForms } from "@/components/settings/account-forms";
import { ApiTokens } from "@/components/settings/api-tokens";
import { TwoFactorSettings } from "@/components/settings/two-factor-settings";
import { requirePageUser } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/auth/two-factor";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  const twoFactor = await twoFactorStatus(user.id);
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-semibold tracking-tight">Account settings</h1>
      <p className="mt-1 mb-6 text-sm text-slate-600">
        Signed in as <span dir="auto">{user.email}</span>.
      </p>
      <AccountForms name={user.name} />
      <section aria-labelledby="settings-two-factor" className="mb-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="settings-two-factor" className="mb-3 text-lg font-semibold">
          Two-factor authentication
        </h2>
        <TwoFactorSettings enabled={twoFactor.enabled} recoveryCodesLeft={twoFactor.recoveryCodesLeft} />
      </section>
      <ApiTokens />
    </main>
  );
}
