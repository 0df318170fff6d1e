import type { DefaultSession } from "next-auth";

import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }

  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version at sign-in (lib/auth/sessions.ts). */
    sv?: number;
    /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
    authTime?: number;
  }
}
