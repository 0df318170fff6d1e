"use client";

import { useId, useState } from "react";

import { Button } from "@/components/ui/button";

type Scope = "approved" | "all";

/** The file name from Content-Disposition (RFC 6266: filename* wins over filename). */
function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain filename
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Downloads the comparison's PDF report in the chosen scope. */
export function ExportPdf({ comparisonId }: { comparisonId: string }) {
  const scopeId = useId();
  const [scope, setScope] = useState<Scope>("approved");
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportPdf() {
    setIsBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/comparisons/${comparisonId}/report.pdf?scope=${scope}`, { credentials: "same-origin" });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        setError(problem?.detail ?? `The report could not be generated (error ${response.status}).`);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = fileNameFrom(response.headers.get("Content-Disposition"), "comparison-report.pdf");
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser time to start the download before releasing the blob.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError("Could not reach the server. Try again.");
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={scopeId} className="sr-only">
          Report scope
        </label>
        <select
          id={scopeId}
          value={scope}
          onChange={(event) => setScope(event.target.value as Scope)}
          className="input w-auto py-1.5"
          disabled={isBusy}
        >
          <option value="approved">Approved only</option>
          <option value="all">All annotations</option>
        </select>
        <Button variant="secondary" onClick={exportPdf} disabled={isBusy} aria-busy={isBusy}>
          {isBusy ? "Exporting…" : "Export PDF"}
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
