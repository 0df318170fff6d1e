import type { Role } from "@/lib/auth/permissions";

// What the API says about a signed-off report (never the PDF bytes or the JSON).

export type SignoffView = {
  id: string;
  comparisonId: string;
  comparisonTitle: string;
  /** SHA-256 (hex) of the signed PDF file: what verification compares. */
  sha256: string;
  /** SHA-256 (hex) of the report content's canonical JSON, printed in every footer. */
  contentSha256: string;
  signedBy: { id: string | null; name: string; role: Role };
  signedAt: string;
  statement: string | null;
  scope: string;
  includesAudit: boolean;
  pdfBytes: number;
  pdfUrl: string;
  docxUrl: string;
};

export const signoffSelect = {
  id: true,
  comparisonId: true,
  comparisonTitle: true,
  pdfSha256: true,
  contentSha256: true,
  signedById: true,
  signedByName: true,
  signedByRole: true,
  signedAt: true,
  statement: true,
  scope: true,
  includesAudit: true,
  pdfBytes: true,
} as const;

type SignoffRecord = {
  id: string;
  comparisonId: string;
  comparisonTitle: string;
  pdfSha256: string;
  contentSha256: string;
  signedById: string | null;
  signedByName: string;
  signedByRole: Role;
  signedAt: Date;
  statement: string | null;
  scope: string;
  includesAudit: boolean;
  pdfBytes: number;
};

export function toSignoffView(record: SignoffRecord): SignoffView {
  return {
    id: record.id,
    comparisonId: record.comparisonId,
    comparisonTitle: record.comparisonTitle,
    sha256: record.pdfSha256,
    contentSha256: record.contentSha256,
    signedBy: { id: record.signedById, name: record.signedByName, role: record.signedByRole },
    signedAt: record.signedAt.toISOString(),
    statement: record.statement,
    scope: record.scope,
    includesAudit: record.includesAudit,
    pdfBytes: record.pdfBytes,
    pdfUrl: `/api/v1/signoffs/${record.id}/report.pdf`,
    docxUrl: `/api/v1/signoffs/${record.id}/report.docx`,
  };
}

/** "N changes since the last sign-off", for the comparison page. */
export type SignoffStatus = { lastSignoff: SignoffView | null; changesSince: number };
