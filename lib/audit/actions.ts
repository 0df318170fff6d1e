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
  /** A new source version moved, changed or orphaned some of its passages (lib/versions). */
  "annotation.reanchor",
  /** The author kept a changed or orphaned passage on the version it was made on. */
  "annotation.span_keep",
  "assessment.create",
  "assessment.update",
  "assessment.submit",
  "assessment.withdraw",
  "assessment.approve",
  "assessment.request_changes",
  "assessment.reject",
  "assessment.delete",
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
  "suggestion.accept",
  "suggestion.dismiss",
  "source.create",
  "source.update",
  "source.update_text",
  "source.version_create",
  "source_check.start",
  "source_check.finish",
  "user.create",
  "user.update",
  "user.password_reset",
  "user.update_profile",
  "user.password_changed",
  "user.sessions_revoked",
  "user.sign_in",
  "user.sign_in_failed",
  "user.sign_in_throttled",
  "report.signoff",
] as const;

export type AuditAction = (typeof auditActions)[number];

export const auditEntityTypes = [
  "annotation",
  "assessment",
  "comparison",
  "source",
  "user",
  "review",
  "comment",
  "source_check",
  "suggestion",
  "report",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
