"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";

import { apiFetch } from "@/lib/client/api-client";
import type { VersionOutcome } from "@/lib/versions/views";

import { readUpload } from "@/components/sources/source-draft";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

import { ReanchorSummary } from "./reanchor-summary";

type Mode = "paste" | "upload" | "refetch";

/**
 * "New version": paste the new text, upload a file, or check the source's URL
 * for updates. Sends POST /api/v1/sources/:id/versions and shows how the
 * passages on the source were re-anchored.
 */
export function NewVersionDialog({
  sourceId,
  url,
  onAdded,
}: {
  sourceId: string;
  url: string | null;
  onAdded?: (outcome: VersionOutcome) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>(url ? "refetch" : "paste");
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<VersionOutcome | null>(null);

  const open = () => {
    setError(null);
    setOutcome(null);
    dialog.current?.showModal();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    let body: Record<string, unknown>;
    if (mode === "refetch") body = { refetch: true };
    else if (mode === "upload") {
      if (!file) return setError("Choose a file to upload.");
      const { size: _size, ...upload } = await readUpload(file);
      body = { file: upload };
    } else {
      if (!text.trim()) return setError("Paste the new text of the article.");
      body = { text };
    }
    setIsBusy(true);
    const result = await apiFetch<VersionOutcome>(`/api/v1/sources/${sourceId}/versions`, { method: "POST", body });
    setIsBusy(false);
    if (!result.ok) return setError(Object.values(result.problem.errors ?? {})[0] ?? result.problem.detail);
    setOutcome(result.data);
    if (result.data.changed) {
      setText("");
      setFile(null);
      onAdded?.(result.data);
      router.refresh();
    }
  };

  const modes: Array<[Mode, string]> = [
    ["paste", "Paste text"],
    ["upload", "Upload a file"],
    ...(url ? ([["refetch", "Check the URL for updates"]] as Array<[Mode, string]>) : []),
  ];

  return (
    <>
      <Button onClick={open}>New version</Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form onSubmit={(event) => void submit(event)} className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            New version of this source
          </h2>
          <p className="text-sm text-slate-600">
            Every passage annotated on this source is re-anchored onto the new text: unchanged, changed (both wordings kept) or orphaned
            (kept on its old version). Nothing is stored when the cleaned text is the same.
          </p>
          <fieldset className="flex flex-wrap gap-3 text-sm">
            <legend className="sr-only">How the new version arrives</legend>
            {modes.map(([value, label]) => (
              <label key={value} className="inline-flex items-center gap-1.5">
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
                {label}
              </label>
            ))}
          </fieldset>
          {mode === "paste" ? (
            <label className="block text-sm font-medium text-slate-800">
              New text
              <textarea
                dir="auto"
                value={text}
                onChange={(event) => setText(event.target.value)}
                rows={10}
                className="input mt-1 w-full font-serif"
              />
            </label>
          ) : mode === "upload" ? (
            <label className="block text-sm font-medium text-slate-800">
              File (.txt, .md, .html)
              <input
                type="file"
                accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                className="mt-1 block text-sm"
              />
            </label>
          ) : (
            <p className="text-sm text-slate-700">
              Fetches <span className="font-mono break-all">{url}</span> again and cleans it like an import.
            </p>
          )}
          <FormError message={error} />
          {outcome ? <ReanchorSummary outcome={outcome} /> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Close
            </Button>
            <Button type="submit" disabled={isBusy}>
              {isBusy ? "Saving…" : mode === "refetch" ? "Check for updates" : "Save version"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
