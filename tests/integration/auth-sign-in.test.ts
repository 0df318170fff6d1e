import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { authOptions, RATE_LIMITED_ERROR } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

async function makeUser(options: { disabled?: boolean } = {}) {
  const email = `user-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  await db.user.create({
    data: {
      email,
      name: "Test User",
      role: "analyst",
      passwordHash: await hashPassword(password),
      disabledAt: options.disabled ? new Date() : null,
    },
  });
  return { email, password };
}

const fromIp = (ip: string) => ({ headers: { "x-forwarded-for": ip } });
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("credentials sign-in", () => {
  it("accepts the right password, case-insensitively for the email, and returns no hash", async () => {
    const { email, password } = await makeUser();
    const user = (await authorize({ email: email.toUpperCase(), password }, fromIp(randomIp()))) as Record<string, unknown>;
    expect(user).toMatchObject({ email, role: "analyst", name: "Test User" });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses a wrong password, an unknown email and a disabled account alike", async () => {
    const { email } = await makeUser();
    const disabled = await makeUser({ disabled: true });
    expect(await authorize({ email, password: "wrong password" }, fromIp(randomIp()))).toBeNull();
    expect(await authorize({ email: `nobody-${randomUUID()}@example.com`, password: "whatever" }, fromIp(randomIp()))).toBeNull();
    expect(await authorize({ email: disabled.email, password: disabled.password }, fromIp(randomIp()))).toBeNull();
  });

  it("locks an account after 10 failures in the window, even with the right password", async () => {
    const { email, password } = await makeUser();
    for (let i = 0; i < 10; i++) expect(await authorize({ email, password: `wrong-${i}` }, fromIp(randomIp()))).toBeNull();
    await expect(authorize({ email, password }, fromIp(randomIp()))).rejects.toThrow(RATE_LIMITED_ERROR);
  });

  it("limits one address trying many accounts", async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i++) await authorize({ email: `guess-${randomUUID()}@example.com`, password: "x" }, fromIp(ip));
    const { email, password } = await makeUser();
    await expect(authorize({ email, password }, fromIp(ip))).rejects.toThrow(RATE_LIMITED_ERROR);
    // Another address is not affected.
    expect(await authorize({ email, password }, fromIp(randomIp()))).toMatchObject({ email });
  });

  it("a successful sign-in forgives the account's earlier failures", async () => {
    const { email, password } = await makeUser();
    for (let i = 0; i < 9; i++) await authorize({ email, password: "wrong" }, fromIp(randomIp()));
    expect(await authorize({ email, password }, fromIp(randomIp()))).toMatchObject({ email });
    for (let i = 0; i < 9; i++) await authorize({ email, password: "wrong" }, fromIp(randomIp()));
    expect(await authorize({ email, password }, fromIp(randomIp()))).toMatchObject({ email });
  });
});
