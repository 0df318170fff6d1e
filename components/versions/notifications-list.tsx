"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { apiFetch } from "@/lib/client/api-client";
import type { NotificationView } from "@/lib/notifications/views";

import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

import { formatVersionDate } from "./format";

/** The signed-in person's notices, newest first; unread ones stand out and can be marked read. */
export function NotificationsList({ initial }: { initial: NotificationView[] }) {
  const router = useRouter();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const unread = items.filter((item) => !item.readAt);

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    const result = await apiFetch<{ updated: number }>("/api/v1/notifications/read", { method: "POST", body });
    if (!result.ok) return setError(result.problem.detail);
    const ids = "ids" in body ? new Set(body.ids) : null;
    const now = new Date().toISOString();
    setItems((list) => list.map((item) => (!item.readAt && (!ids || ids.has(item.id)) ? { ...item, readAt: now } : item)));
    router.refresh();
  };

  if (items.length === 0) return <p className="text-sm text-slate-600">No notifications.</p>;
  return (
    <div className="space-y-3">
      <FormError message={error} />
      {unread.length > 0 ? (
        <Button variant="secondary" size="sm" onClick={() => void markRead({ all: true })}>
          Mark all {unread.length} as read
        </Button>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {items.map((item) => (
          <li
            key={item.id}
            className={`flex flex-wrap items-start gap-3 px-4 py-3 text-sm ${item.readAt ? "text-slate-600" : "bg-orange-50/60 text-slate-900"}`}
          >
            <div className="min-w-0 flex-1">
              <p className={item.readAt ? "" : "font-medium"}>{item.message}</p>
              <p className="mt-0.5 text-xs text-slate-500">{formatVersionDate(item.createdAt)}</p>
            </div>
            {item.comparisonId ? (
              <Link
                href={`/comparisons/${item.comparisonId}${item.annotationId ? `?annotation=${item.annotationId}` : ""}`}
                className="font-medium text-indigo-800 underline underline-offset-2"
              >
                Open the comparison
              </Link>
            ) : null}
            {item.annotationId ? (
              <Link href={`/annotations/${item.annotationId}`} className="font-medium text-indigo-800 underline underline-offset-2">
                History
              </Link>
            ) : null}
            {!item.readAt ? (
              <Button variant="ghost" size="sm" onClick={() => void markRead({ ids: [item.id] })}>
                Mark read
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
