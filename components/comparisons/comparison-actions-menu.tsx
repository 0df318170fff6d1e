"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-client";

import { DeleteComparisonDialog } from "./delete-comparison-dialog";
import { EditComparisonDialog } from "./edit-comparison-dialog";

export type ComparisonActionsTarget = { id: string; title: string; question: string | null; archivedAt: string | null };

type Props = { comparison: ComparisonActionsTarget; canDelete: boolean; afterDelete?: "home" | "refresh" };

/** Edit / Archive / Delete for one comparison, on the workbench header and in the list. */
export function ComparisonActionsMenu({ comparison, canDelete, afterDelete = "home" }: Props) {
  const router = useRouter();
  const editRef = useRef<HTMLDialogElement>(null);
  const deleteRef = useRef<HTMLDialogElement>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isArchived = comparison.archivedAt !== null;

  async function toggleArchive() {
    setIsBusy(true);
    setError(null);
    const result = await apiFetch(`/api/v1/comparisons/${comparison.id}`, { method: "PATCH", body: { archived: !isArchived } });
    setIsBusy(false);
    if (!result.ok) return setError(result.problem.detail);
    router.refresh();
  }

  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label={`Actions for ${comparison.title}`}>
      {isArchived ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700">Archived</span> : null}
      <Button variant="ghost" size="sm" onClick={() => editRef.current?.showModal()}>
        Edit
      </Button>
      <Button variant="ghost" size="sm" onClick={() => void toggleArchive()} disabled={isBusy}>
        {isBusy ? "Saving…" : isArchived ? "Unarchive" : "Archive"}
      </Button>
      {canDelete ? (
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50" onClick={() => deleteRef.current?.showModal()}>
          Delete
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <EditComparisonDialog ref={editRef} comparison={comparison} onSaved={() => router.refresh()} />
      {canDelete ? (
        <DeleteComparisonDialog
          ref={deleteRef}
          comparison={comparison}
          onDeleted={() => {
            if (afterDelete === "home") router.push("/");
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
