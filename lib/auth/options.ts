import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "@/lib/zod";

import { burnVerification, verifyPassword } from "@/lib/auth/password";
import { isLoginRateLimited, loginKeys, recordLoginAttempt } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db";

export const RATE_LIMITED_ERROR = "RateLimited";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

function clientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  if (typeof value === "string" && value) return value.split(",")[0]?.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" ? real : undefined;
}

async function authorize(credentials: Record<string, string> | undefined, headers: Record<string, unknown> | undefined) {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = loginKeys(email, clientIp(headers));
  if (await isLoginRateLimited(keys)) throw new Error(RATE_LIMITED_ERROR);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  // Unknown email, wrong password and disabled account all look the same.
  const isValid = user ? await verifyPassword(user.passwordHash, password) : (await burnVerification(password), false);
  if (!user || !isValid || user.disabledAt) {
    await recordLoginAttempt(keys, false);
    return null;
  }
  await recordLoginAttempt(keys, true);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorize(credentials, req?.headers),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.role = token.role ?? "analyst";
      }
      return session;
    },
  },
};
