// Every audit action name, in one typed list: services write only these, the
// history labels read them, and a misspelt action fails the type check.

export const auditActions = [
  "annotation.create",
  "annotation.update",
  "annotation.submit",
  "annotation.withdraw",
  "annotation.approve",
  "annotation.request_changes",
  "annotation.reject",
  "annotation.delete",
  "comment.create",
  "comparison.create",
  "comparison.update",
  "comparison.archive",
  "comparison.unarchive",
  "comparison.delete",
  "comparison.source_add",
  "comparison.source_remove",
  "comparison.source_update",
  "comparison.source_grade",
  "source.create",
  "source.update",
  "source.update_text",
  "user.create",
  "user.update",
  "user.password_reset",
] as const;

export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = ["annotation", "comparison", "source", "user", "review", "comment"] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
