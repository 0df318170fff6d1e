import type { TokenScope } from "@/lib/tokens/schemas";

// What the API and the settings page show of a token: never its secret.

export type TokenView = {
  id: string;
  name: string;
  scopes: TokenScope[];
  /** The first characters of the secret (plx_…), to recognise it. */
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
};

/** The answer to POST /api/v1/tokens: the secret is in this response only. */
export type CreatedToken = { token: TokenView; secret: string };
