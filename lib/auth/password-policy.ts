/**
 * The password policy: at least 12 characters, at most 256, and not one of
 * the common passwords attackers try first. The list is Mozilla's (Firefox
 * Accounts, `fxa-common-password-list`, MPL-2.0), shipped with the app as an
 * npm dependency: no download at run time. Case does not save a common
 * password ("Password1234" is as weak as "password1234").
 */
import commonPasswords from "fxa-common-password-list";

import { MAX_PASSWORD, MIN_PASSWORD } from "./password-length";

export { MAX_PASSWORD, MIN_PASSWORD };

export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}

/** Why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD) return `At least ${MIN_PASSWORD} characters.`;
  if (password.length > MAX_PASSWORD) return `At most ${MAX_PASSWORD} characters.`;
  if (isCommonPassword(password)) return "This is one of the most common passwords. Choose another.";
  return null;
}
