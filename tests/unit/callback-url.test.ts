// Issue 9 item 2: after sign-in only this app's own paths are followed.
import { describe, expect, it } from "vitest";

import { safeCallbackPath, safeRedirect } from "@/lib/auth/callback-url";

describe("callback URLs after sign-in", () => {
  it.each([
    "/\\evil.invalid/",
    "/\t/evil.invalid",
    "/\n/evil.invalid",
    "/\\/evil.invalid",
    "//evil.invalid",
    "https://evil.invalid/",
    "javascript:alert(1)",
    "evil.invalid",
    "/\u0000/x",
    "",
  ])("refuses %j and goes home", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("keeps this app's paths with their query and fragment", () => {
    expect(safeCallbackPath("/comparisons/abc?tab=review#a1")).toBe("/comparisons/abc?tab=review#a1");
    expect(safeCallbackPath(["/review", "/admin"])).toBe("/review");
    // An encoded backslash stays encoded: a same-origin path, not another host.
    expect(safeCallbackPath("/%5Cevil.invalid/")).toBe("/%5Cevil.invalid/");
  });

  it("lets next-auth redirect only within the app", () => {
    const base = "http://localhost:3000";
    expect(safeRedirect("/\\evil.invalid/", base)).toBe(`${base}/`);
    expect(safeRedirect("https://evil.invalid/", base)).toBe(base);
    expect(safeRedirect(`${base}/review`, base)).toBe(`${base}/review`);
    expect(safeRedirect("/review?x=1", base)).toBe(`${base}/review?x=1`);
  });
});
