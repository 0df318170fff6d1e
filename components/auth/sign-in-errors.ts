/**
 * What the sign-in page says for next-auth's `?error=` codes (single sign-on
 * refusals come from lib/auth/sso-sign-in.ts). Refusals do not say whether a
 * Parallax account exists for the address beyond "not allowed".
 */
export function signInErrorMessage(code: string | undefined, providerName: string): string | null {
  if (!code) return null;
  switch (code) {
    case "SsoEmailUnverified":
      return `${providerName} did not confirm that your email address is verified, so it cannot be used to sign in. Verify it with ${providerName}, or sign in with your password.`;
    case "SsoNotAllowed":
      return `Your ${providerName} account may not use Parallax. Ask a Parallax administrator for access.`;
    case "OAuthSignin":
      return `${providerName} is unavailable right now. Try again later, or sign in with your email and password.`;
    case "OAuthCallback":
    case "Callback":
    case "OAuthCreateAccount":
      return `Signing in with ${providerName} could not be completed: the response was expired, replayed or altered. Start again.`;
    case "AccessDenied":
      return "Sign-in was refused.";
    case "SessionRequired":
      return null;
    default:
      return "Sign-in failed. Try again.";
  }
}
