/** Account audit actions in words, for an admin reading a person's trail; others show their code. */
const labels: Record<string, string> = {
  "user.create": "Account created",
  "user.update": "Account changed by an admin",
  "user.password_reset": "Password reset by an admin",
  "user.update_profile": "Name changed",
  "user.password_changed": "Password changed",
  "user.sessions_revoked": "Sessions ended",
  "user.sign_in": "Signed in",
  "user.sign_in_failed": "Sign-in failed",
  "user.sign_in_throttled": "Sign-in throttled",
  "user.sso_created": "Account created by single sign-on",
  "user.sso_role_mapped": "Role set from the identity provider's groups",
  "user.2fa_enabled": "Two-factor turned on",
  "user.2fa_disabled": "Two-factor turned off",
  "user.2fa_reset": "Two-factor reset by an admin",
  "user.2fa_recovery_used": "Recovery code used",
  "user.2fa_recovery_regenerated": "New recovery codes made",
};

export function accountActionLabel(action: string): string {
  return labels[action] ?? action.replace(/[._]/g, " ");
}
