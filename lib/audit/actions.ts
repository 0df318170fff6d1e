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
  /** Created by importing a W3C or Hypothesis file (lib/interop); `after.origin` says where from. */
  "annotation.import",
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
  /** An import of annotations into the comparison, with its summary. */
  "comparison.import",
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
  /** An admin downloaded the workspace archive (lib/archive); entityId is the admin. */
  "workspace.archive_export",
  "user.update_profile",
  "user.password_changed",
  "user.sessions_revoked",
  "user.sign_in",
  "user.sign_in_failed",
  "user.sign_in_throttled",
  /** A first single sign-on created the account (OIDC_AUTO_CREATE). */
  "user.sso_created",
  /** The identity provider's group claim changed the person's role at sign-in. */
  "user.sso_role_mapped",
  "user.2fa_enabled",
  "user.2fa_disabled",
  /** An admin turned a person's two-factor authentication off. */
  "user.2fa_reset",
  "user.2fa_recovery_used",
  "user.2fa_recovery_regenerated",
  "report.signoff",
  /** A personal access token created or revoked by its owner (lib/tokens); `after` never holds the secret. */
  "token.create",
  "token.revoke",
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
  "workspace",
  "token",
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];
