import "server-only";

import type { OAuthConfig } from "next-auth/providers/oauth";

import { OIDC_PROVIDER_ID, type OidcConfig } from "@/lib/auth/oidc-config";

type OidcProfile = Record<string, unknown> & { sub: string; email?: string; name?: string };

/**
 * next-auth's OAuth provider for an OpenID Connect issuer: discovery from
 * the issuer's well-known document, the authorization code flow with PKCE,
 * `state` and `nonce` checked, and the ID token verified (signature, issuer,
 * audience, expiry) before lib/auth/sso-sign-in.ts sees its claims.
 */
export function oidcProvider(config: OidcConfig): OAuthConfig<OidcProfile> {
  return {
    id: OIDC_PROVIDER_ID,
    name: config.name,
    type: "oauth",
    issuer: config.issuer,
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    // Standard scopes only (some providers refuse unknown ones); the group claim must come in the ID token.
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    // A provider that does not answer in time gives the sign-in page's "unavailable" message.
    httpOptions: { timeout: 5000 },
    // Replaced by the Parallax account in the signIn callback (lib/auth/sso-callback.ts); a session
    // version of -1 never matches a user's, so this placeholder could never act as a session.
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? null,
      role: "analyst",
      sessionVersion: -1,
    }),
  };
}
