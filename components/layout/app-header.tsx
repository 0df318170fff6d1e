import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConnectionIndicator } from "@/components/live/connection-indicator";
import { LiveNavBadge } from "@/components/live/live-nav-badge";
import { CountBadge } from "@/components/ui/count-badge";
import type { Actor } from "@/lib/auth/actor";
import { hasPermission } from "@/lib/auth/permissions";

export type NavCounts = { toReview?: number; returned?: number; notifications?: number };

const linkClass = "rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900";

export function AppHeader({ user, counts = {} }: { user: Actor; counts?: NavCounts }) {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex min-h-14 max-w-[1600px] flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5 sm:flex-nowrap sm:py-0">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-700 text-sm text-white" aria-hidden>
            ∥
          </span>
          Parallax
        </Link>
        <nav aria-label="Main" className="order-last flex w-full flex-wrap items-center gap-1 sm:order-none sm:w-auto">
          <Link href="/" className={linkClass}>
            Comparisons
          </Link>
          {hasPermission(user.role, "annotation.review") ? (
            <Link href="/review" className={linkClass}>
              Review
              <LiveNavBadge kind="toReview" label="to review" initial={counts.toReview} />
            </Link>
          ) : null}
          <Link href="/review?mine=1" className={linkClass}>
            Returned to me
            <LiveNavBadge kind="returned" label="returned to me" initial={counts.returned} />
          </Link>
          <Link href="/verify" className={linkClass}>
            Verify
          </Link>
          <Link href="/notifications" className={linkClass}>
            Notifications
            <CountBadge count={counts.notifications} label="unread notifications" />
          </Link>
          {hasPermission(user.role, "user.manage") ? (
            <Link href="/admin/users" className={linkClass}>
              Users
            </Link>
          ) : null}
          {hasPermission(user.role, "source.checkAll") ? (
            <Link href="/admin/sources" className={linkClass}>
              Sources
            </Link>
          ) : null}
          <Link href="/api-reference" className={linkClass}>
            API
          </Link>
          {hasPermission(user.role, "workspace.archive") ? (
            <Link href="/admin/backup" className={linkClass}>
              Backup
            </Link>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <ConnectionIndicator />
          <Link href="/settings" className="text-slate-600 hover:underline focus-visible:underline">
            {/* The visible name and role stay part of the accessible name (WCAG 2.5.3). */}
            <span className="sr-only">Account settings of </span>
            <span className="font-medium text-slate-900">{user.name}</span>{" "}
            <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{user.role}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
