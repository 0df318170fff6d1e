import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { safeRedirect } from "@/lib/auth/callback-url";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { actorFromSession, revokeSessions, sessionMaxAgeSeconds } from "@/lib/auth/sessions";
import { log } from "@/lib/log";

export { RATE_LIMITED_ERROR } from "@/lib/auth/sign-in";

/** Thrown from the jwt callback: next-auth then clears the cookie and answers with no session. */
class SessionEndedError extends Error {
  constructor() {
    super("Session ended");
    this.name = "SessionEndedError";
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie lives as long as a session may; lib/auth/sessions.ts enforces the absolute limit.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds() },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => signInWithPassword(credentials, req?.headers),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
        return token;
      }
      // Every refresh (GET /api/auth/session) re-checks the session; a revoked or expired one ends here.
      const actor = await actorFromSession(token);
      if (!actor) throw new SessionEndedError();
      token.role = actor.role;
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role ?? "analyst";
      }
      return session;
    },
    redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
  },
  events: {
    // Signing out ends the session everywhere: a copy of the cookie stops working too.
    async signOut({ token }) {
      if (token?.sub && (await actorFromSession(token))) await revokeSessions(token.sub, { actorId: token.sub, reason: "sign_out" });
    },
  },
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR" && (metadata as { name?: string } | undefined)?.name === "SessionEndedError") {
        log.info({ event: "auth.session_refused" }, "expired or revoked session presented");
        return;
      }
      log.error({ event: "auth.next_auth_error", code, err: metadata }, "next-auth error");
    },
    warn(code) {
      log.warn({ event: "auth.next_auth_warning", code }, "next-auth warning");
    },
    debug() {},
  },
};
