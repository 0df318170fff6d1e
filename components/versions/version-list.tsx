"use client";

import Link from "next/link";
import { useState } from "react";

import { originLabel, type VersionView } from "@/lib/versions/views";

import { buttonClass } from "@/components/ui/button";

import { formatVersionDate } from "./format";

/** A source's versions, newest first, with two radio columns to pick what to compare. */
export function VersionList({ sourceId, versions }: { sourceId: string; versions: VersionView[] }) {
  const [from, setFrom] = useState(versions[1]?.number ?? versions[0]?.number ?? 1);
  const [to, setTo] = useState(versions[0]?.number ?? 1);
  if (versions.length === 0) return <p className="text-sm text-slate-600">This source has no versions.</p>;
  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[560px] text-left text-sm">
          <caption className="sr-only">Versions of this source, newest first</caption>
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Version
              </th>
              <th scope="col" className="px-3 py-2">
                Added
              </th>
              <th scope="col" className="px-3 py-2">
                How
              </th>
              <th scope="col" className="px-3 py-2">
                Size
              </th>
              <th scope="col" className="px-3 py-2">
                SHA-256
              </th>
              <th scope="col" className="px-3 py-2">
                From
              </th>
              <th scope="col" className="px-3 py-2">
                To
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version, index) => (
              <tr key={version.id} className="border-t border-slate-100">
                <th scope="row" className="px-3 py-2 font-semibold">
                  {version.number}{" "}
                  {index === 0 ? <span className="ml-1.5 rounded bg-indigo-100 px-1 text-xs text-indigo-900">latest</span> : null}
                </th>
                <td className="px-3 py-2">
                  {formatVersionDate(version.createdAt)}
                  {version.createdBy ? <span className="block text-xs text-slate-500">by {version.createdBy.name}</span> : null}
                </td>
                <td className="px-3 py-2">{originLabel[version.origin]}</td>
                <td className="px-3 py-2">{version.textChars.toLocaleString("en")} chars</td>
                <td className="px-3 py-2 font-mono text-xs" title={version.contentHash}>
                  {version.contentHash.slice(0, 12)}
                </td>
                <td className="px-3 py-2">
                  <input
                    type="radio"
                    name="from"
                    aria-label={`Compare from version ${version.number}`}
                    checked={from === version.number}
                    onChange={() => setFrom(version.number)}
                  />
                </td>
                <td className="px-3 py-2">
                  <input
                    type="radio"
                    name="to"
                    aria-label={`Compare to version ${version.number}`}
                    checked={to === version.number}
                    onChange={() => setTo(version.number)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {versions.length > 1 ? (
        <Link href={`/sources/${sourceId}/versions/${from}/diff/${to}`} className={buttonClass("primary", "md", "mt-3")}>
          Compare version {from} with version {to}
        </Link>
      ) : null}
    </div>
  );
}
