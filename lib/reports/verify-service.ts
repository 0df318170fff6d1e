import "server-only";

import { createHash } from "node:crypto";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countChangesSince } from "@/lib/reports/signoff-service";
import { signoffSelect, toSignoffView, type SignoffView } from "@/lib/reports/signoff-views";

// Verification: is this file a report this instance signed off? The file is
// hashed as it streams in (never held in memory) and compared with the
// SHA-256 of every signed PDF; a single changed byte gives another hash.

/** Signed PDFs of 5,000 findings are ~15 MB; anything far larger cannot be one. */
export const MAX_VERIFY_BYTES = Number(process.env.PARALLAX_VERIFY_MAX_BYTES) || 32 * 1024 * 1024;

export type Verification =
  | {
      verified: true;
      sha256: string;
      bytes: number;
      signoff: SignoffView;
      comparisonExists: boolean;
      /** Audit events of the comparison recorded after the sign-off. */
      changesSince: number;
      /** Findings approved after the sign-off (not in this report). */
      newerFindings: number;
      /** Later sign-offs of the same comparison. */
      newerSignoffs: number;
    }
  | { verified: false; sha256: string; bytes: number; reason: string };

const pdfMagic = Buffer.from("%PDF-", "latin1");

/** Hashes a body stream, refusing non-PDFs at the first bytes and bodies past the limit as they arrive. */
export async function hashPdfUpload(
  body: AsyncIterable<Uint8Array>,
  maxBytes = MAX_VERIFY_BYTES,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of body) {
    bytes += chunk.length;
    if (bytes > maxBytes)
      throw new AppError(
        "too_large",
        `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: it cannot be a report signed here.`,
      );
    if (head.length < pdfMagic.length) {
      head = Buffer.concat([head, Buffer.from(chunk.subarray(0, pdfMagic.length - head.length))]);
      if (head.length >= pdfMagic.length && !head.equals(pdfMagic)) {
        throw new AppError("unprocessable", "This file is not a PDF.", { errors: { file: "must be a PDF document" } });
      }
    }
    hash.update(chunk);
  }
  if (bytes === 0) throw new AppError("bad_request", "Send the PDF file as the request body.", { errors: { file: "is empty" } });
  if (head.length < pdfMagic.length)
    throw new AppError("unprocessable", "This file is not a PDF.", { errors: { file: "must be a PDF document" } });
  return { sha256: hash.digest("hex"), bytes };
}

export async function verifyReport(actor: Actor, body: AsyncIterable<Uint8Array>): Promise<Verification> {
  assertPermission(actor, "report.export");
  const { sha256, bytes } = await hashPdfUpload(body);
  const record = await db.reportSignoff.findUnique({ where: { pdfSha256: sha256 }, select: signoffSelect });
  if (!record) {
    return {
      verified: false,
      sha256,
      bytes,
      reason: "No report signed off here has this fingerprint: the file was changed, or it was never signed off on this instance.",
    };
  }
  const [comparison, changesSince, newerFindings, newerSignoffs] = await Promise.all([
    db.comparison.findUnique({ where: { id: record.comparisonId }, select: { id: true } }),
    countChangesSince(record.comparisonId, record.signedAt),
    db.annotation.count({ where: { comparisonId: record.comparisonId, status: "approved", decidedAt: { gt: record.signedAt } } }),
    db.reportSignoff.count({ where: { comparisonId: record.comparisonId, signedAt: { gt: record.signedAt } } }),
  ]);
  return {
    verified: true,
    sha256,
    bytes,
    signoff: toSignoffView(record),
    comparisonExists: comparison !== null,
    changesSince,
    newerFindings,
    newerSignoffs,
  };
}
