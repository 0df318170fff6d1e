// Issue 20: passwords of at least 12 characters that are not on the shipped
// list of common passwords.
import { describe, expect, it } from "vitest";

import { isCommonPassword, passwordProblem } from "@/lib/auth/password-policy";
import { createUserSchema, updateUserSchema } from "@/lib/users/schemas";

describe("password policy", () => {
  it("refuses passwords under 12 characters", () => {
    expect(passwordProblem("eleven-char")).toBe("At least 12 characters.");
    expect(passwordProblem("twelve-chars")).toBeNull();
  });

  it("refuses common passwords however they are capitalised", () => {
    for (const password of ["password1234", "Password1234", "qwertyuiopasdfgh", "123456789012"]) {
      expect(isCommonPassword(password), password).toBe(true);
      expect(passwordProblem(password)).toMatch(/most common passwords/);
    }
  });

  it("accepts a long uncommon password, the demo password included", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("parallax-demo")).toBeNull();
  });

  it("is what account creation and password resets check, with the field named", () => {
    const created = createUserSchema.safeParse({ email: "a@b.co", name: "A", role: "analyst", password: "Password1234" });
    expect(created.success).toBe(false);
    expect(created.error?.issues[0]).toMatchObject({ path: ["password"], message: expect.stringMatching(/common/) });
    expect(updateUserSchema.safeParse({ password: "short-pw" }).success).toBe(false);
  });
});
