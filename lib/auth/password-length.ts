/** Password length limits; client-safe (the common-password check is server-only: lib/auth/password-policy.ts). */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 256;
