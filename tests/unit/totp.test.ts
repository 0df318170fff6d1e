// TOTP codes (RFC 6238) and recovery codes: the RFC's own test vector, the
// one-step window either side of now, and recovery codes that compare
// loosely but never equal another.
import { describe, expect, it } from "vitest";

import {
  createRecoveryCodes,
  createTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  matchTotp,
  totpCode,
  totpStep,
  totpUri,
} from "@/lib/auth/totp";

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (base32 below), SHA-1, at T = 59 s → 94287082 (8 digits; 6: 287082).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("matches the RFC 6238 test vector", () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe("287082");
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe("081804");
  });

  it("accepts a code one step either side of now and reports its step, not two", () => {
    const secret = createTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, now)).toBe(totpStep(now));
    expect(matchTotp(secret, code, now + 30_000)).toBe(totpStep(now));
    expect(matchTotp(secret, code, now - 30_000)).toBe(totpStep(now));
    expect(matchTotp(secret, code, now + 61_000)).toBeNull();
    expect(matchTotp(secret, ` ${code.slice(0, 3)} ${code.slice(3)} `, now)).toBe(totpStep(now));
  });

  it("refuses malformed codes and codes of another secret", () => {
    const secret = createTotpSecret();
    const now = Date.now();
    for (const bad of ["", "12345", "1234567", "abcdef", "12345x"]) expect(matchTotp(secret, bad, now)).toBeNull();
    const other = createTotpSecret();
    expect(other).not.toBe(secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("builds an otpauth URI for authenticator apps", () => {
    const uri = new URL(totpUri(RFC_SECRET, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Parallax");
    expect(decodeURIComponent(uri.pathname)).toContain("ada@example.com");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes whose hashes ignore case, spaces and dashes", () => {
    const codes = createRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
      expect(hashRecoveryCode(code.toUpperCase().replace("-", " "))).toBe(hashRecoveryCode(code));
    }
    expect(new Set(codes.map(hashRecoveryCode)).size).toBe(10);
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
