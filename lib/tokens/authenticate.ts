import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { tokenScopes, type TokenScope } from "@/lib/tokens/schemas";
import { hashTokenSecret, isTokenSecret } from "@/lib/tokens/secret";

// Turns `Authorization: Bearer plx_…` into the acting user. The user's role
// is read now, so a token never acts with more than its owner may do today;
// a disabled owner, a revoked or an expired token is a 401.

/** Last-used is written at most once a minute per token: scripts may call many times a second. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The bearer secret of the request; null without an `Authorization: Bearer` header. */
export function bearerSecret(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const space = header.indexOf(" ");
  if (space < 0 || header.slice(0, space).toLowerCase() !== "bearer") return null;
  return header.slice(space + 1).trim();
}

function refused(detail: string): AppError {
  return new AppError("unauthenticated", detail);
}

export async function actorFromToken(secret: string, now = new Date()): Promise<Actor> {
  if (!isTokenSecret(secret)) throw refused("The bearer token is not a Parallax API token (plx_…).");
  const token = await db.apiToken.findUnique({
    where: { secretHash: hashTokenSecret(secret) },
    select: {
      id: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true } },
    },
  });
  if (!token) throw refused("Unknown API token.");
  if (token.revokedAt) throw refused("This API token has been revoked.");
  if (token.expiresAt <= now) throw refused("This API token has expired.");
  if (token.user.disabledAt) throw refused("The account of this API token is disabled.");
  await touchToken(token.id, token.lastUsedAt, now);
  const { user } = token;
  const scopes = token.scopes.filter((scope): scope is TokenScope => (tokenScopes as readonly string[]).includes(scope));
  return { id: user.id, email: user.email, name: user.name, role: user.role, token: { id: token.id, scopes } };
}

/** A conditional write: concurrent requests within the minute update it once. */
async function touchToken(id: string, lastUsedAt: Date | null, now: Date): Promise<void> {
  const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (lastUsedAt && lastUsedAt > threshold) return;
  await db.apiToken.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: threshold } }] },
    data: { lastUsedAt: now },
  });
}
