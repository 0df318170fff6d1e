import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";

export type NavCounts = { toReview?: number; returned?: number };

function Badge({ count, label }: { count: number | undefined; label: string }) {
  if (!count) return null;
  return (
    <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" aria-label={`${count} ${label}`}>
      {count}
    </span>
  );
}

const linkClass = "shrink-0 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export function AppHeader({ user, counts = {} }: { user: Actor; counts?: NavCounts }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-[1600px] items-center gap-2 px-2 sm:gap-4 sm:px-4">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-700 text-sm text-white" aria-hidden>
            ∥
          </span>
          <span className="sr-only sm:not-sr-only">Parallax</span>
        </Link>
        <nav aria-label="Main" className="flex min-w-0 items-center gap-1 overflow-x-auto">
          <Link href="/" className={linkClass}>
            Comparisons
          </Link>
          {hasPermission(user.role, "annotation.review") ? (
            <Link href="/review" className={linkClass}>
              Review
              <Badge count={counts.toReview} label="to review" />
            </Link>
          ) : null}
          <Link href="/review?mine=1" className={linkClass}>
            Returned to me
            <Badge count={counts.returned} label="returned to me" />
          </Link>
          {hasPermission(user.role, "user.manage") ? (
            <Link href="/admin/users" className={linkClass}>
              Users
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
          <span className="hidden text-slate-600 md:inline">
            <span className="font-medium text-slate-900">{user.name}</span>
            <span className="ml-1.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{user.role}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
