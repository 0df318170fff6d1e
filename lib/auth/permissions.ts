// Roles and what they may do, as data. Ownership and the four-eyes rule are
// not expressible here; the services check those against the record.

export const roles = ["analyst", "reviewer", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  "comparison.read": ["analyst", "reviewer", "admin"],
  "comparison.create": ["analyst", "reviewer", "admin"],
  /** Rename, archive, add/remove/reorder sources: the creator; admins any comparison. */
  "comparison.update": ["analyst", "reviewer", "admin"],
  "comparison.manageAny": ["admin"],
  "comparison.delete": ["admin"],
  /** Grade a comparison's sources (Admiralty reliability A–F). */
  "comparison.grade": ["analyst", "reviewer", "admin"],
  "source.create": ["analyst", "reviewer", "admin"],
  /** Change a source's metadata or text: its creator; admins any source. */
  "source.update": ["analyst", "reviewer", "admin"],
  "source.manageAny": ["admin"],
  /** Start a "Check all sources" run (re-fetch every source with a URL). */
  "source.checkAll": ["admin"],
  "annotation.create": ["analyst", "reviewer", "admin"],
  "annotation.comment": ["analyst", "reviewer", "admin"],
  /** Edit or delete annotations of other people. */
  "annotation.manageAny": ["admin"],
  /** See other people's drafts (drafts are otherwise their author's alone). */
  "annotation.readDrafts": ["admin"],
  "annotation.review": ["reviewer", "admin"],
  "report.export": ["analyst", "reviewer", "admin"],
  /** Sign off a comparison's report: freeze it, fingerprinted, as vouched for. */
  "report.signoff": ["reviewer", "admin"],
  "user.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function hasPermission(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) => hasPermission(role, p));
}
