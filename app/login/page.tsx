import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { LoginForm } from "@/components/auth/login-form";
import { signInErrorMessage } from "@/components/auth/sign-in-errors";
import { SsoSignInLink } from "@/components/auth/sso-sign-in-link";
import { FormError } from "@/components/ui/form-error";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { OIDC_PROVIDER_ID, readOidcConfig } from "@/lib/auth/oidc-config";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only this app's own paths: never an open redirect.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const oidc = readOidcConfig();
  const error = signInErrorMessage(typeof params.error === "string" ? params.error : undefined, oidc?.name ?? "your provider");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <div
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-indigo-700 text-xl font-bold text-white"
            aria-hidden
          >
            ∥
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Parallax</h1>
          <p className="mt-1 text-sm text-slate-600">Compare sources, passage by passage.</p>
        </div>
        <FormError message={error} id="sign-in-error" className="mb-4" />
        {oidc && (
          <div className="mb-4 space-y-4">
            <SsoSignInLink providerId={OIDC_PROVIDER_ID} name={oidc.name} callbackUrl={callbackUrl} />
            <p className="text-center text-xs text-slate-600">or with your email and password</p>
          </div>
        )}
        <LoginForm callbackUrl={callbackUrl} />
      </div>
    </main>
  );
}
