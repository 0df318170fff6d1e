import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { TwoFactorSettings } from "@/components/settings/two-factor-settings";
import { getCurrentUser } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/auth/two-factor";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

/**
 * Where people whose role requires two-factor land until they enrol
 * (lib/auth/two-factor-policy.ts). Outside the app's layout, which would send
 * them here again.
 */
export default async function TwoFactorSetupPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if ((await twoFactorStatus(user.id)).enabled) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-8">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">Set up two-factor authentication</h1>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Your role requires a second factor. Set it up to continue, signed in as <span dir="auto">{user.email}</span>.
        </p>
        <TwoFactorSettings enabled={false} recoveryCodesLeft={0} afterEnrolHref="/" />
        <div className="mt-6 border-t border-slate-200 pt-4">
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}
