import { describe, expect, it } from "vitest";

import { arrangeUsers, defaultUserSort } from "@/components/admin/users-table";
import type { UserView } from "@/lib/users/service";

const user = (name: string, email: string, createdAt: string, extra: Partial<UserView> = {}): UserView => ({
  id: email,
  name,
  email,
  role: "analyst",
  createdAt,
  disabledAt: null,
  isDisabled: false,
  ...extra,
});

const users = [
  user("Ada Admin", "admin@example.com", "2026-01-01T00:00:00Z", { role: "admin" }),
  user("Zoe Zed", "zoe@example.com", "2026-03-01T00:00:00Z", { isDisabled: true, disabledAt: "2026-03-02T00:00:00Z" }),
  user("Bo Brown", "bo@example.com", "2026-02-01T00:00:00Z", { role: "reviewer" }),
];

describe("the accounts table", () => {
  it("lists the newest accounts first by default", () => {
    expect(arrangeUsers(users, { query: "", sort: defaultUserSort, newIds: [] }).map((u) => u.name)).toEqual([
      "Zoe Zed",
      "Bo Brown",
      "Ada Admin",
    ]);
  });

  it("sorts by name either way", () => {
    const byName = (isDescending: boolean) =>
      arrangeUsers(users, { query: "", sort: { key: "name", isDescending }, newIds: [] }).map((u) => u.name);
    expect(byName(false)).toEqual(["Ada Admin", "Bo Brown", "Zoe Zed"]);
    expect(byName(true)).toEqual(["Zoe Zed", "Bo Brown", "Ada Admin"]);
  });

  it("searches name, email, role and status, case-insensitively", () => {
    const find = (query: string) => arrangeUsers(users, { query, sort: defaultUserSort, newIds: [] }).map((u) => u.name);
    expect(find("BO@")).toEqual(["Bo Brown"]);
    expect(find("reviewer")).toEqual(["Bo Brown"]);
    expect(find("disabled")).toEqual(["Zoe Zed"]);
    expect(find("nobody")).toEqual([]);
  });

  it("keeps accounts created on the page on top whatever the order", () => {
    const arranged = arrangeUsers(users, { query: "", sort: { key: "name", isDescending: false }, newIds: ["zoe@example.com"] });
    expect(arranged.map((u) => u.name)).toEqual(["Zoe Zed", "Ada Admin", "Bo Brown"]);
  });
});
