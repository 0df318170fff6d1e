// Runs once when the server starts: refuse to serve without a session secret
// in production, with a message that says what to do (next-auth alone would
// fail later, at the first sign-in, with a generic error); then stamp each
// request with its socket's address (lib/http/peer-stamp.ts) and start this
// instance's background runner for suggestion jobs (lib/suggestions/runner.ts).
export async function register(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it in the environment.");
  }
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerStamp } = await import("./lib/http/peer-stamp");
    installPeerStamp();
  }
  const isBuild = process.env.NEXT_PHASE === "phase-production-build";
  if (process.env.NEXT_RUNTIME === "nodejs" && !isBuild && process.env.PARALLAX_SUGGESTIONS_WORKER !== "false") {
    const { startSuggestionRunner } = await import("@/lib/suggestions/runner");
    startSuggestionRunner();
  }
}
