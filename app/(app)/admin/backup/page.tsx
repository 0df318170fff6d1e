import type { Metadata } from "next";

import { buttonClass } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Backup" };

export default async function BackupPage() {
  await requirePageUser("workspace.archive");
  return (
    <main className="mx-auto w-full max-w-3xl space-y-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Backup</h1>
        <p className="mt-1 text-sm text-slate-600">
          One file with the whole workspace: accounts (without passwords), sources with every version, comparisons with their grades,
          annotations and passages, reviews, comments, notifications and the audit trail.
        </p>
      </div>
      <section aria-labelledby="download-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="download-heading" className="text-lg font-semibold">
          Download the workspace archive
        </h2>
        <p className="text-sm text-slate-700">
          A versioned, checksummed <code>.jsonl.gz</code> file, read from one consistent snapshot. The download is recorded in the audit
          trail.
        </p>
        <a href="/api/v1/archive" download className={buttonClass("primary")}>
          Download archive
        </a>
      </section>
      <section aria-labelledby="restore-heading" className="space-y-2 text-sm text-slate-700">
        <h2 id="restore-heading" className="text-lg font-semibold text-slate-900">
          Restore
        </h2>
        <p>
          Restore into an empty instance from a terminal: <code>npm run archive:import -- FILE</code> (add{" "}
          <code>--admin-email you@example.org</code> to choose the admin). Archives carry no password hashes: the command prints a new
          password for one admin once, who then sets everyone else&apos;s password under Users. A truncated, edited or newer archive is
          refused and nothing is written.
        </p>
      </section>
    </main>
  );
}
