"use client";

import { useRef } from "react";

import { buttonClass } from "@/components/ui/button";
import { MAX_PAGE_SIZE } from "@/lib/interop/w3c/collection";

import { ImportDialog } from "./import-dialog";

export type CsvFilters = { kind?: string; status?: string; author?: string; tag?: string; q?: string };

type Props = {
  comparisonId: string;
  /** The side panel's filters, applied to the CSV (the workbench passes them when it has them). */
  filters?: CsvFilters;
};

function csvHref(comparisonId: string, filters: CsvFilters = {}): string {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  const search = query.toString();
  return `/api/v1/comparisons/${comparisonId}/annotations.csv${search ? `?${search}` : ""}`;
}

/** The comparison's Import / export menu: import a W3C or Hypothesis file, download W3C JSON-LD or CSV. */
export function InteropMenu({ comparisonId, filters }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const item = "block w-full rounded px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100";
  return (
    <>
      <details ref={detailsRef} className="relative">
        <summary className={buttonClass("secondary", "md", "cursor-pointer list-none")}>Import / export</summary>
        <div
          className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          role="group"
          aria-label="Import and export"
        >
          <button
            type="button"
            className={item}
            onClick={() => {
              if (detailsRef.current) detailsRef.current.open = false;
              dialogRef.current?.showModal();
            }}
          >
            Import annotations…
          </button>
          <a className={item} href={`/api/v1/comparisons/${comparisonId}/annotations.jsonld?pageSize=${MAX_PAGE_SIZE}`} download>
            Download W3C annotations (.jsonld)
          </a>
          <a className={item} href={csvHref(comparisonId, filters)} download>
            Download spreadsheet (.csv){filters && Object.values(filters).some(Boolean) ? ", filtered" : ""}
          </a>
        </div>
      </details>
      <ImportDialog ref={dialogRef} comparisonId={comparisonId} />
    </>
  );
}
