import type { Role } from "@/lib/auth/permissions";
import { env } from "@/lib/env.js";

/**
 * OpenID Connect single sign-on, configured by environment only (README,
 * "Single sign-on"). Null when OIDC_ISSUER / OIDC_CLIENT_ID /
 * OIDC_CLIENT_SECRET are not set: the app then offers password sign-in alone.
 */
export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown as "Sign in with <name>". */
  name: string;
  /** Create an analyst on a first sign-in with an unknown (verified) email. */
  autoCreate: boolean;
  /** The claim holding the person's groups (e.g. "groups"), and which group means which role. */
  roleClaim: string | null;
  roleMap: ReadonlyArray<{ group: string; role: Role }>;
};

/** The provider id next-auth uses in its URLs (/api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";

export function parseRoleMap(value: string | undefined): Array<{ group: string; role: Role }> {
  if (!value) return [];
  return value.split(",").map((pair) => {
    const [group = "", role = ""] = pair.split("=").map((part) => part.trim());
    return { group, role: role as Role };
  });
}

export function readOidcConfig(source: typeof env = env): OidcConfig | null {
  if (!source.OIDC_ISSUER || !source.OIDC_CLIENT_ID || !source.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: source.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: source.OIDC_CLIENT_ID,
    clientSecret: source.OIDC_CLIENT_SECRET,
    name: source.OIDC_NAME,
    autoCreate: source.OIDC_AUTO_CREATE,
    roleClaim: source.OIDC_ROLE_CLAIM ?? null,
    roleMap: parseRoleMap(source.OIDC_ROLE_MAP),
  };
}

const rank: Record<Role, number> = { analyst: 0, reviewer: 1, admin: 2 };

/**
 * The role the provider's claim grants: the highest mapped group the person
 * is in, analyst when the claim is present but names no mapped group, and
 * null (keep the admin-set role) when no claim is configured or the provider
 * sent none.
 */
export function roleFromClaims(claims: Record<string, unknown>, config: OidcConfig): Role | null {
  if (!config.roleClaim || config.roleMap.length === 0) return null;
  const raw = claims[config.roleClaim];
  if (raw === undefined || raw === null) return null;
  const groups = new Set((Array.isArray(raw) ? raw : [raw]).filter((item): item is string => typeof item === "string"));
  let granted: Role = "analyst";
  for (const { group, role } of config.roleMap) if (groups.has(group) && rank[role] > rank[granted]) granted = role;
  return granted;
}
