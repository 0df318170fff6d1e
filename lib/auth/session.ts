import "server-only";

import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";

import { authOptions } from "@/lib/auth/options";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission, type Permission } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type { Actor } from "@/lib/auth/actor";

export const getSession = cache(() => getServerSession(authOptions));

/**
 * The current user, re-read from the database on every request so that a
 * disabled account or a changed role takes effect at once, not at token expiry.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const session = await getSession();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For route handlers: the signed-in user, else a 401. */
export async function requireUser(): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthenticated", "Sign in to use the API.");
  return user;
}

/** For pages: anonymous (or disabled) visitors go to the sign-in page. */
export async function requirePageUser(permission?: Permission): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !hasPermission(user.role, permission)) redirect("/?denied=1");
  return user;
}
