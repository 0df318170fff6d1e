/**
 * TOTP (RFC 6238) for two-factor sign-in: SHA-1, 6 digits, 30 s steps — what
 * every authenticator app supports — through the `otpauth` library. A code is
 * accepted one step either side of now (clock drift); the caller stores the
 * step it matched so the same code cannot be used twice (lib/auth/two-factor.ts).
 * Recovery codes are random, single use, and stored as SHA-256 hashes: with
 * 50 random bits each a slow hash adds nothing.
 */
import { createHash, randomBytes } from "node:crypto";

import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = "Parallax";

export function createTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = ""): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The code for a moment (tests and the enrolment check use it). */
export function totpCode(secret: string, timestamp = Date.now()): string {
  return totp(secret).generate({ timestamp });
}

export function totpStep(timestamp = Date.now()): number {
  return Math.floor(timestamp / 1000 / TOTP_PERIOD_SECONDS);
}

/** The time step `code` belongs to, if it is valid within the window; else null. */
export function matchTotp(secret: string, code: string, timestamp = Date.now()): number | null {
  const digits = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret).validate({ token: digits, timestamp, window: TOTP_WINDOW_STEPS });
  return delta === null ? null : totpStep(timestamp) + delta;
}

/** Ten codes like "7k2mq-x9d4r" (base32, lower case). */
export function createRecoveryCodes(): string[] {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Recovery codes compare without case, spaces or dashes. */
export function hashRecoveryCode(code: string): string {
  const normalized = code.toLowerCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(normalized).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
