import { countAnnotations } from "@/lib/reports/count";
import type { SignoffView } from "@/lib/reports/signoff-views";
import type { ReportAnnotation, ReportAuditTrail, ReportData } from "@/lib/reports/types";

// Rebuilds the ReportData of a signed report from the canonical JSON frozen
// at sign-off (dates come back from their ISO strings), for the DOCX of a
// sign-off: the same content as the signed PDF, whatever changed since.

type Frozen = Omit<ReportData, "generatedAt" | "generatedBy" | "included" | "signoff" | "annotations" | "audit"> & {
  annotations: Array<
    Omit<ReportAnnotation, "review"> & {
      review: (Omit<NonNullable<ReportAnnotation["review"]>, "decidedAt"> & { decidedAt: string }) | null;
    }
  >;
  audit: {
    findings: Array<{ annotationId: string; entries: Array<{ at: string }> }>;
    sources: Array<{ sourceIndex: number; entries: Array<{ at: string }> }>;
  } | null;
};

function withDates<T extends { at: string }>(entries: T[]) {
  return entries.map((entry) => ({ ...entry, at: new Date(entry.at) }));
}

export function signedReportData(view: SignoffView, contentJson: string): ReportData {
  const frozen = JSON.parse(contentJson) as Frozen;
  const annotations = frozen.annotations.map((a) => ({
    ...a,
    review: a.review ? { ...a.review, decidedAt: new Date(a.review.decidedAt) } : null,
  })) as ReportAnnotation[];
  const audit = frozen.audit
    ? ({
        findings: frozen.audit.findings.map((f) => ({ ...f, entries: withDates(f.entries) })),
        sources: frozen.audit.sources.map((s) => ({ ...s, entries: withDates(s.entries) })),
      } as unknown as ReportAuditTrail)
    : null;
  const signedAt = new Date(view.signedAt);
  return {
    ...frozen,
    annotations,
    audit,
    included: countAnnotations(annotations),
    generatedAt: signedAt,
    generatedBy: { name: view.signedBy.name, email: "" },
    signoff: {
      signedBy: view.signedBy.name,
      role: view.signedBy.role,
      signedAt,
      statement: view.statement,
      contentSha256: view.contentSha256,
    },
  };
}
