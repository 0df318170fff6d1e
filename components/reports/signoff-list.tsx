import type { SignoffView } from "@/lib/reports/signoff-views";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The comparison's signed-off reports, newest first, with their fingerprints and downloads. */
export function SignoffList({ signoffs }: { signoffs: SignoffView[] }) {
  if (signoffs.length === 0) return <p className="text-sm text-slate-600">No report of this comparison has been signed off yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Signed-off reports">
      {signoffs.map((signoff) => (
        <li key={signoff.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-sm font-semibold text-slate-900">
            Signed off by {signoff.signedBy.name} ({signoff.signedBy.role}) on {dateTime.format(new Date(signoff.signedAt))} UTC
          </p>
          {signoff.statement ? (
            <p dir="auto" className="mt-1 text-sm text-slate-700">
              “{signoff.statement}”
            </p>
          ) : null}
          <p className="mt-1 font-mono text-xs break-all text-slate-600">PDF SHA-256 {signoff.sha256}</p>
          <p className="font-mono text-xs break-all text-slate-600">Content SHA-256 {signoff.contentSha256}</p>
          <p className="mt-2 flex gap-4 text-sm">
            <a className="font-medium text-indigo-700 underline" href={signoff.pdfUrl} download>
              Signed PDF
            </a>
            <a className="font-medium text-indigo-700 underline" href={signoff.docxUrl} download>
              Word copy
            </a>
            {signoff.includesAudit ? <span className="text-slate-600">with audit trail</span> : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
