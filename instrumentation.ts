// Runs once when the server starts: refuse to serve without a session secret
// in production, with a message that says what to do (next-auth alone would
// fail later, at the first sign-in, with a generic error).
export function register(): void {
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.");
  }
}
