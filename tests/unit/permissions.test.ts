import { describe, expect, it } from "vitest";

import { assertPermission } from "@/lib/auth/actor";
import { hasPermission, permissions, permissionsOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const actor = (role: "analyst" | "reviewer" | "admin") => ({ id: "u", email: "u@example.com", name: "U", role });

describe("permission table", () => {
  it("lets every role read and annotate", () => {
    for (const role of ["analyst", "reviewer", "admin"] as const) {
      expect(hasPermission(role, "comparison.read")).toBe(true);
      expect(hasPermission(role, "annotation.create")).toBe(true);
    }
  });

  it("keeps reviewing to reviewers and admins", () => {
    expect(hasPermission("analyst", "annotation.review")).toBe(false);
    expect(hasPermission("reviewer", "annotation.review")).toBe(true);
    expect(hasPermission("admin", "annotation.review")).toBe(true);
  });

  it("keeps user management and deleting comparisons to admins", () => {
    for (const permission of ["user.manage", "comparison.delete", "annotation.manageAny"] as const) {
      expect(permissions[permission]).toEqual(["admin"]);
    }
  });

  it("gives admins every permission and analysts a strict subset of reviewers", () => {
    expect(permissionsOf("admin")).toEqual(Object.keys(permissions));
    const reviewer = new Set(permissionsOf("reviewer"));
    expect(permissionsOf("analyst").every((p) => reviewer.has(p))).toBe(true);
    expect(permissionsOf("analyst").length).toBeLessThan(reviewer.size);
  });

  it("refuses with a 403 AppError", () => {
    expect(() => assertPermission(actor("analyst"), "user.manage")).toThrow(AppError);
    try {
      assertPermission(actor("reviewer"), "user.manage");
    } catch (error) {
      expect((error as AppError).status).toBe(403);
    }
    expect(() => assertPermission(actor("admin"), "user.manage")).not.toThrow();
  });
});
