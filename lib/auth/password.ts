import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (≈14 ms a hash here); the dummy hash lets
// a sign-in for an unknown email cost the same time as a wrong password.
const algorithm = 2; // Algorithm.Argon2id (const enum; not importable under isolatedModules)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification without a real account. */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword("parallax-timing-equalizer");
  await verifyPassword(await dummyHash, password);
}
