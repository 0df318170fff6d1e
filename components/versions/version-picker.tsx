"use client";

import { useId } from "react";

import { formatVersionDate } from "./format";

export type PickableVersion = { number: number; createdAt: string };

/** Chooses which version of a source to show; null is the latest. The host decides what choosing does. */
export function VersionPicker({
  versions,
  value,
  onChange,
  label = "Version",
}: {
  versions: readonly PickableVersion[];
  value: number | null;
  onChange: (number: number | null) => void;
  label?: string;
}) {
  const id = useId();
  const latest = versions[0];
  return (
    <span className="inline-flex items-center gap-1.5 text-xs">
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-xs focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        value={value === null || value === latest?.number ? "" : String(value)}
        onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
      >
        {versions.map((version, index) => (
          <option key={version.number} value={index === 0 ? "" : String(version.number)}>
            {index === 0 ? "Latest · " : ""}version {version.number} · {formatVersionDate(version.createdAt)}
          </option>
        ))}
      </select>
    </span>
  );
}
