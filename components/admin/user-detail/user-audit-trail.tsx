"use client";

import { useState } from "react";

import { formatDate } from "@/components/history/format";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { apiFetch } from "@/lib/client/api-client";
import type { AuditPage } from "@/lib/users/detail";

import { accountActionLabel } from "./audit-labels";

/** The person's audit trail, newest first; "Load more" fetches the next page. */
export function UserAuditTrail({ userId, initial }: { userId: string; initial: AuditPage }) {
  const [entries, setEntries] = useState(initial.entries);
  const [cursor, setCursor] = useState(initial.nextCursor);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setIsLoading] = useState(false);

  async function loadMore() {
    if (!cursor) return;
    setIsLoading(true);
    const result = await apiFetch<AuditPage>(`/api/v1/users/${userId}/audit?cursor=${encodeURIComponent(cursor)}`);
    setIsLoading(false);
    if (!result.ok) return setError(result.problem.detail);
    setError(null);
    setEntries((current) => [...current, ...result.data.entries]);
    setCursor(result.data.nextCursor);
  }

  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <div>
      <ol aria-label="Audit trail" className="divide-y divide-slate-100">
        {entries.map((entry) => (
          <li key={entry.id} className="flex flex-wrap items-baseline justify-between gap-x-4 py-2 text-sm">
            <span>
              <span className="font-medium text-slate-900">{accountActionLabel(entry.action)}</span>
              {entry.isOnAccount ? null : <span className="text-slate-600"> · {entry.entityType}</span>}
              {entry.actorName && entry.isOnAccount ? (
                <span className="text-slate-600">
                  {" "}
                  · by <span dir="auto">{entry.actorName}</span>
                </span>
              ) : null}
            </span>
            <time dateTime={entry.at} className="text-xs text-slate-600">
              {formatDate(entry.at)}
            </time>
          </li>
        ))}
      </ol>
      <FormError message={error} className="mt-3" />
      {cursor ? (
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => void loadMore()} disabled={isLoading}>
          {isLoading ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
