// Password sign-in and its throttling (issue 9 item 3), against the real
// database: client addresses come from the socket unless proxy hops are
// trusted, parallel guesses are counted atomically, delays grow instead of a
// lock strangers can trigger, and every attempt is kept as history.
import { randomUUID } from "node:crypto";

import { afterEach, describe, expect, it } from "vitest";

import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { RATE_LIMITED_ERROR, signInWithPassword } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { PEER_HEADER, peerStamp } from "@/lib/http/client-address";

async function makeUser(options: { disabled?: boolean } = {}) {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  const user = await db.user.create({
    data: {
      email,
      name: "Test User",
      role: "analyst",
      passwordHash: await hashPassword(password),
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { id: user.id, email, password };
}

/** Headers of a request whose TCP peer is `ip`, optionally with a forwarded-for header it sent. */
const fromPeer = (ip: string, forwardedFor?: string): Record<string, string> => ({
  [PEER_HEADER]: peerStamp(ip),
  ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
});
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

const signIn = (email: string, password: string, headers: Record<string, string>) => signInWithPassword({ email, password }, headers);
const outcomes = async (email: string) =>
  (await db.loginAttempt.findMany({ where: { email }, orderBy: { createdAt: "asc" }, select: { succeeded: true, reason: true } })).map(
    (attempt) => (attempt.succeeded ? "success" : attempt.reason),
  );

afterEach(() => {
  delete process.env.PARALLAX_TRUSTED_PROXY_HOPS;
});

describe("credentials sign-in", () => {
  it("is the provider next-auth uses, accepts the right password case-insensitively and returns no hash", async () => {
    const { email, password } = await makeUser();
    const authorize = (authOptions.providers[0] as unknown as { options: { authorize: typeof signInWithPassword } }).options.authorize;
    const user = (await authorize({ email: email.toUpperCase(), password }, { headers: fromPeer(randomIp()) } as never)) as Record<
      string,
      unknown
    >;
    expect(user).toMatchObject({ email, role: "analyst", name: "Test User", sessionVersion: 0 });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a wrong password, an unknown email and a disabled account alike, and records why", async () => {
    const { email } = await makeUser();
    const disabled = await makeUser({ disabled: true });
    const unknown = `nobody-${randomUUID()}@example.com`;
    expect(await signIn(email, "wrong password", fromPeer(randomIp()))).toBeNull();
    expect(await signIn(unknown, "whatever", fromPeer(randomIp()))).toBeNull();
    expect(await signIn(disabled.email, disabled.password, fromPeer(randomIp()))).toBeNull();
    expect(await outcomes(email)).toEqual(["wrong_password"]);
    expect(await outcomes(unknown)).toEqual(["unknown_account"]);
    expect(await outcomes(disabled.email)).toEqual(["disabled"]);
  });
});

describe("throttling by client address", () => {
  it("ignores X-Forwarded-For by default: one peer cannot escape the limit by inventing addresses", async () => {
    const peer = randomIp();
    for (let i = 0; i < 10; i++) await signIn(`guess-${randomUUID()}@example.com`, "x", fromPeer(peer, randomIp()));
    const { email, password } = await makeUser();
    await expect(signIn(email, password, fromPeer(peer, randomIp()))).rejects.toThrow(RATE_LIMITED_ERROR);
    // Another peer is not affected.
    expect(await signIn(email, password, fromPeer(randomIp()))).toMatchObject({ email });
  });

  it("uses the address the trusted proxy appended when PARALLAX_TRUSTED_PROXY_HOPS=1", async () => {
    process.env.PARALLAX_TRUSTED_PROXY_HOPS = "1";
    const proxy = randomIp();
    const client = randomIp();
    // The client's own X-Forwarded-For ("spoofed") comes first; the proxy appends the real one.
    for (let i = 0; i < 10; i++) await signIn(`guess-${randomUUID()}@example.com`, "x", fromPeer(proxy, `${randomIp()}, ${client}`));
    const { email, password } = await makeUser();
    await expect(signIn(email, password, fromPeer(proxy, `${randomIp()}, ${client}`))).rejects.toThrow(RATE_LIMITED_ERROR);
    // Everyone else behind the same proxy is unaffected.
    expect(await signIn(email, password, fromPeer(proxy, randomIp()))).toMatchObject({ email });
  });
});

describe("throttling per account", () => {
  it("counts parallel guesses atomically: of 30 at once, exactly 10 reach the password check", async () => {
    const { email } = await makeUser();
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => signIn(email, `wrong-${i}`, fromPeer(randomIp()))));
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(20);
    const attempts = await outcomes(email);
    expect(attempts.filter((reason) => reason === "wrong_password")).toHaveLength(10);
    expect(attempts.filter((reason) => reason === "throttled")).toHaveLength(20);
  });

  it("slows an account down with growing delays, refusing even the right password while blocked", async () => {
    const { email, password } = await makeUser();
    for (let i = 0; i < 10; i++) expect(await signIn(email, `wrong-${i}`, fromPeer(randomIp()))).toBeNull();
    const blockedFor = async () => {
      const row = await db.loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } });
      return Math.round((row.blockedUntil!.getTime() - Date.now()) / 1000);
    };
    expect(await blockedFor()).toBeGreaterThan(25);
    expect(await blockedFor()).toBeLessThanOrEqual(30);
    await expect(signIn(email, password, fromPeer(randomIp()))).rejects.toThrow(RATE_LIMITED_ERROR);
    // Once the delay has passed, one more wrong guess doubles it.
    const expire = () =>
      db.loginThrottle.updateMany({
        where: { key: { startsWith: "account:" + email } },
        data: { blockedUntil: new Date(Date.now() - 1000) },
      });
    await expire();
    expect(await signIn(email, "wrong again", fromPeer(randomIp()))).toBeNull();
    expect(await blockedFor()).toBeGreaterThan(55);
    await expire();
    expect(await signIn(email, "and again", fromPeer(randomIp()))).toBeNull();
    expect(await blockedFor()).toBeGreaterThan(115);
    // After the delay the owner gets in, and the account is forgiven.
    await expire();
    expect(await signIn(email, password, fromPeer(randomIp()))).toMatchObject({ email });
    expect((await db.loginThrottle.findUniqueOrThrow({ where: { key: `account:${email}` } })).failures).toBe(0);
  });

  it("does not let strangers lock the owner out of an address they signed in from before", async () => {
    const { email, password } = await makeUser();
    const home = randomIp();
    expect(await signIn(email, password, fromPeer(home))).toMatchObject({ email });
    for (let i = 0; i < 15; i++) await signIn(email, `guess-${i}`, fromPeer(randomIp())).catch(() => null);
    // A new address is slowed down…
    await expect(signIn(email, password, fromPeer(randomIp()))).rejects.toThrow(RATE_LIMITED_ERROR);
    // …but the owner at home signs in at once.
    expect(await signIn(email, password, fromPeer(home))).toMatchObject({ email });
  });

  it("keeps failed attempts as history after a success, and audits the account's sign-ins", async () => {
    const { id, email, password } = await makeUser();
    const ip = randomIp();
    for (let i = 0; i < 3; i++) await signIn(email, "hunter2-typo", fromPeer(ip));
    expect(await signIn(email, password, fromPeer(ip))).toMatchObject({ email });
    expect(await outcomes(email)).toEqual(["wrong_password", "wrong_password", "wrong_password", "success"]);
    const history = await db.loginAttempt.findMany({ where: { email }, select: { ip: true, userId: true } });
    expect(history.every((attempt) => attempt.ip === ip && attempt.userId === id)).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { entityType: "user", entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual([
      "user.sign_in_failed",
      "user.sign_in_failed",
      "user.sign_in_failed",
      "user.sign_in",
    ]);
    expect(audit.at(-1)).toMatchObject({ actorId: id, after: { ip, outcome: "success" } });
    expect(JSON.stringify(audit, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain("hunter2");
  });
});
