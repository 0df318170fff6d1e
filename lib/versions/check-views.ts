// The shape of a "Check all sources" run as the API and the admin page show it.
import type { ReanchorSummary } from "@/lib/versions/reanchor";

export type CheckItemStatus = "pending" | "running" | "unchanged" | "changed" | "failed";

export type CheckItemView = {
  sourceId: string;
  title: string;
  url: string | null;
  status: CheckItemStatus;
  versionNumber: number | null;
  summary: ReanchorSummary | null;
  error: string | null;
};

export type CheckRunView = {
  id: string;
  status: "running" | "done";
  startedAt: string;
  finishedAt: string | null;
  startedBy: { id: string; name: string } | null;
  total: number;
  /** Items finished (unchanged + changed + failed). */
  checked: number;
  counts: Record<CheckItemStatus, number>;
  /** Totals over the sources that changed. */
  summary: ReanchorSummary;
  items: CheckItemView[];
};

export const CHECK_CONCURRENCY = 3;
