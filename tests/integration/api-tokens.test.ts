// Personal access tokens end to end through the real route handlers and
// PostgreSQL (issue 18 item 5): scopes, revocation, expiry, the owner's
// current role, last-used, and that a token cannot manage tokens or users.
import { beforeAll, describe, expect, it } from "vitest";

import { GET as getComparison } from "@/app/api/v1/comparisons/[id]/route";
import { GET as listComparisonsRoute, POST as createComparisonRoute } from "@/app/api/v1/comparisons/route";
import { POST as reviewRoute } from "@/app/api/v1/annotations/[id]/reviews/route";
import { DELETE as revokeRoute } from "@/app/api/v1/tokens/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { PATCH as updateUserRoute } from "@/app/api/v1/users/[id]/route";
import { GET as listUsersRoute } from "@/app/api/v1/users/route";
import { db } from "@/lib/db";
import { listTokens, revokeToken } from "@/lib/tokens/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

import { call, tokenFor } from "./route-support";

let analyst: TestUser;
let reviewer: TestUser;
let admin: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, reviewer, admin] = await Promise.all([createUser("analyst"), createUser("reviewer"), createUser("admin")]);
  comparison = await createComparison();
});

const problemOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return (await response.json()) as { status: number; detail: string };
};

describe("API tokens", () => {
  it("creates a token whose secret is shown once and stored only as a hash", async () => {
    const { id, secret } = await tokenFor(analyst, ["read"]);
    expect(secret).toMatch(/^plx_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(4));
    const listed = await listTokens(analyst);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(4));
    expect(listed.find((token) => token.id === id)).toMatchObject({ scopes: ["read"], state: "active", prefix: secret.slice(0, 10) });
    const audit = await db.auditEvent.findFirst({ where: { action: "token.create", entityId: id } });
    expect(audit?.actorId).toBe(analyst.id);
    expect(JSON.stringify(audit?.after)).not.toContain(secret.slice(4));
  });

  it("lets a read token GET the API as its owner and records the last use", async () => {
    const { id, secret } = await tokenFor(analyst, ["read"]);
    const response = await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: secret });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { comparisons: { id: string }[] };
    expect(body.comparisons.map((c) => c.id)).toContain(comparison.id);
    const detail = await call(getComparison, "GET", `/api/v1/comparisons/${comparison.id}`, { id: comparison.id }, { token: secret });
    expect(detail.status).toBe(200);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(Date.now() - row.lastUsedAt!.getTime()).toBeLessThan(60_000);
  });

  it("writes last-used at most once a minute", async () => {
    const { id, secret } = await tokenFor(analyst, ["read"]);
    const earlier = new Date(Date.now() - 30_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: earlier } });
    await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(earlier);
    const stale = new Date(Date.now() - 120_000);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: stale } });
    await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(stale.getTime());
  });

  it("refuses a write with a read-only token (403) and allows it with write, from any origin", async () => {
    const readOnly = await tokenFor(analyst, ["read"]);
    const body = { title: "Made by a script", sourceIds: comparison.sources.map((source) => source.id) };
    const refused = await call(createComparisonRoute, "POST", "/api/v1/comparisons", {}, { token: readOnly.secret, json: body });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toContain('"write" scope');
    expect(await db.comparison.count({ where: { title: "Made by a script" } })).toBe(0);

    const writer = await tokenFor(analyst, ["write"]);
    const created = await call(
      createComparisonRoute,
      "POST",
      "/api/v1/comparisons",
      {},
      {
        token: writer.secret,
        json: body,
        // A bearer request is not a browser's: the same-origin check does not apply.
        headers: { origin: "https://elsewhere.example" },
      },
    );
    expect(created.status).toBe(201);
    const made = await db.comparison.findFirstOrThrow({ where: { title: "Made by a script" } });
    expect(made.createdById).toBe(analyst.id);
    // A write token alone cannot read.
    const read = await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: writer.secret });
    expect(read.status).toBe(403);
  });

  it("needs the review scope for review decisions, and the owner's reviewer role too", async () => {
    const annotation = await createAnnotation(analyst, comparison, { submit: true });
    const decision = { decision: "approve", version: annotation.version };
    const path = `/api/v1/annotations/${annotation.id}/reviews`;
    const withoutReview = await tokenFor(reviewer, ["read", "write"]);
    const refused = await call(reviewRoute, "POST", path, { id: annotation.id }, { token: withoutReview.secret, json: decision });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toContain('"review" scope');

    // An analyst's token with the review scope still acts as an analyst.
    const analystReview = await tokenFor(analyst, ["review"]);
    const notAReviewer = await call(reviewRoute, "POST", path, { id: annotation.id }, { token: analystReview.secret, json: decision });
    expect(notAReviewer.status).toBe(403);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).status).toBe("in_review");

    const reviewToken = await tokenFor(reviewer, ["review"]);
    const approved = await call(reviewRoute, "POST", path, { id: annotation.id }, { token: reviewToken.secret, json: decision });
    expect(approved.status).toBe(201);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: annotation.id } })).status).toBe("approved");
  });

  it("acts with the owner's current role: a demoted admin's token loses admin rights", async () => {
    const formerAdmin = await createUser("admin");
    const { secret } = await tokenFor(formerAdmin, ["read"]);
    await db.user.update({ where: { id: formerAdmin.id }, data: { role: "analyst" } });
    const response = await call(listUsersRoute, "GET", "/api/v1/users", {}, { token: secret });
    expect(response.status).toBe(403);
  });

  it("answers 401 for revoked, expired, unknown and disabled-owner tokens", async () => {
    const revoked = await tokenFor(analyst, ["read"]);
    const revokedResponse = await call(
      revokeRoute,
      "DELETE",
      `/api/v1/tokens/${revoked.id}`,
      { id: revoked.id },
      { token: revoked.secret },
    );
    expect(revokedResponse.status).toBe(403); // a token cannot revoke tokens, not even itself
    await revokeToken(analyst, revoked.id);
    const afterRevoke = await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: revoked.secret });
    expect(afterRevoke.status).toBe(401);
    expect((await problemOf(afterRevoke)).detail).toMatch(/revoked/);
    expect(await db.auditEvent.count({ where: { action: "token.revoke", entityId: revoked.id } })).toBe(1);

    const expired = await tokenFor(analyst, ["read"]);
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const afterExpiry = await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: expired.secret });
    expect(afterExpiry.status).toBe(401);
    expect((await problemOf(afterExpiry)).detail).toMatch(/expired/);

    const unknown = `plx_${"A".repeat(43)}`;
    expect((await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: unknown })).status).toBe(401);
    expect((await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: "not-a-token" })).status).toBe(401);

    const leaver = await createUser("analyst");
    const leaverToken = await tokenFor(leaver, ["read"]);
    await db.user.update({ where: { id: leaver.id }, data: { disabledAt: new Date() } });
    expect((await call(listComparisonsRoute, "GET", "/api/v1/comparisons", {}, { token: leaverToken.secret })).status).toBe(401);
  });

  it("cannot create or list tokens or manage users, whatever its scopes (403)", async () => {
    const { secret } = await tokenFor(admin, ["read", "write", "review"]);
    const before = await db.apiToken.count({ where: { userId: admin.id } });
    const create = await call(
      createTokenRoute,
      "POST",
      "/api/v1/tokens",
      {},
      {
        token: secret,
        json: { name: "more", scopes: ["read"], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      },
    );
    expect(create.status).toBe(403);
    expect(await db.apiToken.count({ where: { userId: admin.id } })).toBe(before);
    expect((await call(listTokensRoute, "GET", "/api/v1/tokens", {}, { token: secret })).status).toBe(403);
    expect((await call(listUsersRoute, "GET", "/api/v1/users", {}, { token: secret })).status).toBe(403);
    const demote = await call(
      updateUserRoute,
      "PATCH",
      `/api/v1/users/${analyst.id}`,
      { id: analyst.id },
      {
        token: secret,
        json: { role: "reviewer" },
      },
    );
    expect(demote.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: analyst.id } })).role).toBe("analyst");
  });

  it("lets only the owner revoke a token, and validates what is created", async () => {
    const { id } = await tokenFor(analyst, ["read"]);
    await expect(revokeToken(reviewer, id)).rejects.toMatchObject({ status: 404 });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    await expect(tokenFor(analyst, [], 1)).rejects.toMatchObject({ status: 400, errors: { scopes: expect.any(String) } });
    await expect(tokenFor(analyst, ["read"], -1)).rejects.toMatchObject({ errors: { expiresAt: "must be in the future" } });
    await expect(tokenFor(analyst, ["read"], 400)).rejects.toMatchObject({ errors: { expiresAt: expect.stringMatching(/366 days/) } });
  });
});
