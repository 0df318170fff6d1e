import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import {
  createTokenSchema,
  MAX_TOKEN_DAYS,
  MAX_TOKENS_PER_USER,
  tokenScopes,
  type CreateTokenInput,
  type TokenScope,
} from "@/lib/tokens/schemas";
import { generateTokenSecret } from "@/lib/tokens/secret";
import type { CreatedToken, TokenView } from "@/lib/tokens/views";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Personal access tokens: each user creates, lists and revokes their own.
// Managing tokens needs a signed-in session: a token cannot mint or revoke
// tokens (a leaked one could otherwise keep itself alive).

const tokenSelect = {
  id: true,
  name: true,
  scopes: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type TokenRow = {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

function toTokenView(row: TokenRow, now = new Date()): TokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter((scope): scope is TokenScope => (tokenScopes as readonly string[]).includes(scope)),
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    state: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}

function assertSignedInSession(actor: Actor): void {
  if (actor.token) throw new AppError("forbidden", "API tokens cannot manage tokens; sign in to do this.");
}

function parseExpiry(value: string, now: Date): Date {
  const expiresAt = new Date(value);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError("unprocessable", "The expiry must be in the future.", { errors: { expiresAt: "must be in the future" } });
  }
  if (expiresAt.getTime() - now.getTime() > MAX_TOKEN_DAYS * 86_400_000) {
    throw new AppError("unprocessable", `A token lives at most ${MAX_TOKEN_DAYS} days.`, {
      errors: { expiresAt: `at most ${MAX_TOKEN_DAYS} days from now` },
    });
  }
  return expiresAt;
}

export async function createToken(actor: Actor, input: CreateTokenInput | UntrustedInput): Promise<CreatedToken> {
  assertSignedInSession(actor);
  const data = parseInput(createTokenSchema, input);
  const now = new Date();
  const expiresAt = parseExpiry(data.expiresAt, now);
  const { secret, hash, shown } = generateTokenSecret();
  const row = await db.$transaction(async (tx) => {
    // Serialises one user's creations so the limit holds under concurrency.
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${actor.id}::uuid FOR UPDATE`;
    const active = await tx.apiToken.count({ where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_TOKENS_PER_USER) {
      throw new AppError("conflict", `You have ${MAX_TOKENS_PER_USER} active tokens; revoke one first.`);
    }
    const created = await tx.apiToken.create({
      data: { userId: actor.id, name: data.name, scopes: data.scopes, secretHash: hash, prefix: shown, expiresAt },
      select: tokenSelect,
    });
    const view = toTokenView(created, now);
    await recordAudit(tx, { actorId: actor.id, action: "token.create", entityType: "token", entityId: created.id, after: view });
    return created;
  });
  log.info({ event: "token.created", tokenId: row.id, scopes: row.scopes }, "API token created");
  return { token: toTokenView(row, now), secret };
}

/** The actor's own tokens, newest first, without secrets. */
export async function listTokens(actor: Actor): Promise<TokenView[]> {
  assertSignedInSession(actor);
  const rows = await db.apiToken.findMany({ where: { userId: actor.id }, select: tokenSelect, orderBy: { createdAt: "desc" } });
  const now = new Date();
  return rows.map((row) => toTokenView(row, now));
}

/** Revokes one of the actor's tokens at once; revoking again changes nothing. */
export async function revokeToken(actor: Actor, id: string): Promise<TokenView> {
  assertSignedInSession(actor);
  const tokenId = assertId(id, "token");
  const view = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "ApiToken" WHERE id = ${tokenId}::uuid AND "userId" = ${actor.id}::uuid FOR UPDATE`;
    // Other people's tokens are indistinguishable from missing ones.
    if (!locked) throw new AppError("not_found", "No token with this id.");
    const before = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: tokenSelect });
    if (before.revokedAt) return toTokenView(before);
    const after = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() }, select: tokenSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token.revoke",
      entityType: "token",
      entityId: tokenId,
      before: toTokenView(before),
      after: toTokenView(after),
    });
    return toTokenView(after);
  });
  log.info({ event: "token.revoked", tokenId }, "API token revoked");
  return view;
}
