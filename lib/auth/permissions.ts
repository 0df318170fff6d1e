// Roles and what they may do, as data. Ownership and the four-eyes rule are
// not expressible here; the services check those against the record.

export const roles = ["analyst", "reviewer", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  "comparison.read": ["analyst", "reviewer", "admin"],
  "comparison.create": ["analyst", "reviewer", "admin"],
  "comparison.update": ["analyst", "reviewer", "admin"],
  "comparison.delete": ["admin"],
  "source.create": ["analyst", "reviewer", "admin"],
  "annotation.create": ["analyst", "reviewer", "admin"],
  "annotation.comment": ["analyst", "reviewer", "admin"],
  /** Edit or delete annotations of other people. */
  "annotation.manageAny": ["admin"],
  "annotation.review": ["reviewer", "admin"],
  "report.export": ["analyst", "reviewer", "admin"],
  "user.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => hasPermission(role, p));
}
