import type { UserView } from "@/lib/users/service";

// Search and sort of the accounts table, pure so the rules are easy to test.

export type UserSortKey = "createdAt" | "name" | "email" | "role" | "status";
export type UserSort = { key: UserSortKey; isDescending: boolean };

export const defaultUserSort: UserSort = { key: "createdAt", isDescending: true };

const sortValue: Record<UserSortKey, (user: UserView) => string> = {
  createdAt: (user) => user.createdAt,
  name: (user) => user.name.toLocaleLowerCase(),
  email: (user) => user.email,
  role: (user) => user.role,
  status: (user) => (user.isDisabled ? "1" : "0"),
};

export function matchesUserSearch(user: UserView, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [user.name, user.email, user.role, user.isDisabled ? "disabled" : "active"].some((value) =>
    value.toLocaleLowerCase().includes(needle),
  );
}

/** Accounts created on this page first (newest first), then the rest in the chosen order. */
export function arrangeUsers(users: UserView[], options: { query: string; sort: UserSort; newIds: string[] }): UserView[] {
  const found = users.filter((user) => matchesUserSearch(user, options.query));
  const pinned = options.newIds.map((id) => found.find((user) => user.id === id)).filter((user): user is UserView => Boolean(user));
  const { key, isDescending } = options.sort;
  const rest = found
    .filter((user) => !options.newIds.includes(user.id))
    .sort((a, b) => {
      const order = sortValue[key](a).localeCompare(sortValue[key](b)) || a.email.localeCompare(b.email);
      return isDescending ? -order : order;
    });
  return [...pinned, ...rest];
}
