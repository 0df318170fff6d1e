import type { Metadata } from "next";
import Link from "next/link";

import { formatDate } from "@/components/history/format";
import { UserActionButton } from "@/components/admin/user-detail/user-actions";
import { UserAuditTrail } from "@/components/admin/user-detail/user-audit-trail";
import { requirePageUser } from "@/lib/auth/session";
import { getUserDetail, listUserAudit } from "@/lib/users/detail";

export const metadata: Metadata = { title: "User" };

function Card({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const reasonLabels: Record<string, string> = {
  wrong_password: "wrong password",
  unknown_account: "unknown account",
  disabled: "account disabled",
  throttled: "throttled",
  code_required: "password right, code asked",
  wrong_code: "wrong two-factor code",
  sso_unverified_email: "SSO: email not verified",
  sso_unknown_account: "SSO: no account",
  sso_disabled: "SSO: account disabled",
};

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("user.manage");
  const { id } = await params;
  // A malformed or unknown id is a 404 (AppError not_found → app/not-found).
  const [user, audit] = await Promise.all([getUserDetail(actor, id), listUserAudit(actor, id)]);
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <p className="mb-2 text-sm">
        <Link href="/admin/users" className="text-indigo-700 underline">
          ← Users
        </Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight break-words" dir="auto">
        {user.name}
      </h1>
      <p className="mt-1 mb-6 text-sm break-all text-slate-600" dir="auto">
        {user.email}
      </p>

      <Card title="Account" id="user-account">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Role</dt>
          <dd className="capitalize">{user.role}</dd>
          <dt className="font-medium text-slate-700">Status</dt>
          <dd>{user.isDisabled ? "Disabled" : "Active"}</dd>
          <dt className="font-medium text-slate-700">Created</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </dl>
        <p className="mt-3 text-xs text-slate-600">Change the role, status or password from the users table.</p>
      </Card>

      <Card title="Two-factor authentication" id="user-two-factor">
        {user.twoFactor.enabled ? (
          <p className="mb-3 text-sm">
            On since {formatDate(user.twoFactor.enabledAt)}; {user.twoFactor.recoveryCodesLeft} of 10 recovery codes left.
          </p>
        ) : (
          <p className="text-sm">Off.</p>
        )}
        {/* Mounted either way, so its confirmation outlives the refresh that turns the card to "Off.". */}
        <UserActionButton
          path={`/api/v1/users/${user.id}/two-factor`}
          label="Reset two-factor"
          confirmText={`Turn off ${user.name}'s two-factor and end their sessions?`}
          doneText="Two-factor reset. They can sign in with their password and enrol again."
          isAvailable={user.twoFactor.enabled}
        />
      </Card>

      <Card title="Sessions" id="user-sessions">
        <p className="mb-3 text-sm text-slate-600">Ends every session of this person on every device.</p>
        <UserActionButton
          path={`/api/v1/users/${user.id}/sessions`}
          label="Sign out everywhere"
          confirmText={`End all of ${user.name}'s sessions?`}
          doneText="All their sessions have ended."
        />
      </Card>

      <Card title="Recent sign-ins" id="user-sign-ins">
        {user.signIns.length === 0 ? (
          <p className="text-sm text-slate-600">No sign-ins recorded.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    When
                  </th>
                  <th scope="col" className="py-1 pr-4 font-medium">
                    Result
                  </th>
                  <th scope="col" className="py-1 font-medium">
                    Address
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {user.signIns.map((attempt) => (
                  <tr key={attempt.id}>
                    <td className="py-1.5 pr-4 whitespace-nowrap">{formatDate(attempt.at)}</td>
                    <td className="py-1.5 pr-4">
                      {attempt.succeeded ? "Signed in" : `Failed: ${reasonLabels[attempt.reason ?? ""] ?? attempt.reason ?? "unknown"}`}
                    </td>
                    <td className="py-1.5 font-mono text-xs">{attempt.ip ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title="Audit trail" id="user-audit">
        {/* Keyed by the newest entry: after an action refreshes the page, the trail starts over with it. */}
        <UserAuditTrail key={audit.entries[0]?.id ?? "empty"} userId={user.id} initial={audit} />
      </Card>
    </main>
  );
}
