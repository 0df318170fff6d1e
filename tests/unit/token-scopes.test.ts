// Which scope a bearer token needs for a request, from the operation table
// the API reference is built from; and the shape of token secrets.
import { describe, expect, it } from "vitest";

import { requiredScope } from "@/lib/tokens/scopes";
import { generateTokenSecret, hashTokenSecret, isTokenSecret } from "@/lib/tokens/secret";

const id = "0b6f3c1e-4a5d-4e7f-9a1b-2c3d4e5f6a7b";

describe("token scopes per request", () => {
  it("asks read for reads, write for changes to one's work, review for review decisions", () => {
    expect(requiredScope("GET", "/api/v1/comparisons")).toBe("read");
    expect(requiredScope("HEAD", `/api/v1/comparisons/${id}/annotations.csv`)).toBe("read");
    expect(requiredScope("POST", "/api/v1/comparisons")).toBe("write");
    expect(requiredScope("PATCH", `/api/v1/annotations/${id}`)).toBe("write");
    expect(requiredScope("POST", `/api/v1/comparisons/${id}/imports`)).toBe("write");
    expect(requiredScope("POST", `/api/v1/annotations/${id}/reviews`)).toBe("review");
    expect(requiredScope("POST", `/api/v1/comparisons/${id}/assessment/reviews`)).toBe("review");
    expect(requiredScope("POST", `/api/v1/comparisons/${id}/signoffs`)).toBe("review");
  });

  it("keeps tokens, users, the account and the archive to signed-in sessions", () => {
    for (const [method, path] of [
      ["GET", "/api/v1/tokens"],
      ["POST", "/api/v1/tokens"],
      ["DELETE", `/api/v1/tokens/${id}`],
      ["GET", "/api/v1/users"],
      ["PATCH", `/api/v1/users/${id}`],
      ["POST", "/api/v1/account/password"],
      ["DELETE", "/api/v1/account/sessions"],
      ["GET", "/api/v1/archive"],
    ] as const) {
      expect(requiredScope(method, path), `${method} ${path}`).toBeNull();
    }
  });

  it("knows no scope for routes missing from the table (refused: fail closed)", () => {
    expect(requiredScope("GET", "/api/v1/secrets")).toBeUndefined();
    expect(requiredScope("PUT", "/api/v1/comparisons")).toBeUndefined();
    expect(requiredScope("GET", `/api/v1/comparisons/${id}/extra/segments`)).toBeUndefined();
  });
});

describe("token secrets", () => {
  it("are plx_ and 32 random bytes, stored as their SHA-256", () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a.secret).toMatch(/^plx_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.hash).toBe(hashTokenSecret(a.secret));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.shown).toBe(a.secret.slice(0, 10));
    expect(isTokenSecret(a.secret)).toBe(true);
    expect(isTokenSecret(`${a.secret}x`)).toBe(false);
    expect(isTokenSecret("ghp_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")).toBe(false);
  });
});
