import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentFingerprint, sha256Hex } from "@/lib/reports/canonical";
import { acquireReportSlot, renderPdfBufferInWorker } from "@/lib/reports/pdf-pool";
import { signoffInputSchema, type SignoffInput } from "@/lib/reports/schemas";
import { loadReportData } from "@/lib/reports/service";
import { signoffSelect, toSignoffView, type SignoffStatus, type SignoffView } from "@/lib/reports/signoff-views";
import type { ReportData } from "@/lib/reports/types";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Sign-off (issue 19): a reviewer or admin vouches for the approved findings
// of a comparison as they stand. The report content is frozen as canonical
// JSON, rendered once, and both are stored with their SHA-256; the stored
// PDF is what is served from then on, whatever happens to the comparison.

/** Audit actions that do not change what a report says. */
const notAChange = ["report.signoff"];

export async function createSignoff(actor: Actor, comparisonId: string, input: SignoffInput | UntrustedInput = {}): Promise<SignoffView> {
  assertPermission(actor, "report.signoff");
  const { statement, includeAuditTrail } = parseInput(signoffInputSchema, input);
  const slot = await acquireReportSlot();
  try {
    const data = await loadReportData(actor, comparisonId, { scope: "approved" }, { includeAuditTrail, isForSignoff: true });
    if (data.annotations.length === 0) {
      throw new AppError("unprocessable", "This comparison has no approved findings yet: there is nothing to sign off.", {
        errors: { comparison: "has no approved findings" },
      });
    }
    const content = contentFingerprint(data);
    const unchanged = await findSignoffWithContent(data.comparison.id, content.sha256);
    if (unchanged) throw alreadySignedOff(unchanged);

    const signed: ReportData = {
      ...data,
      signoff: { signedBy: actor.name, role: actor.role, signedAt: new Date(), statement, contentSha256: content.sha256 },
    };
    const pdf = await renderPdfBufferInWorker(signed);
    const record = await db.$transaction(async (tx) => {
      // One sign-off at a time per comparison, so two identical ones cannot both pass the check above.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signoff:${data.comparison.id}`}))`;
      const raced = await tx.reportSignoff.findFirst({
        where: { comparisonId: data.comparison.id },
        orderBy: { signedAt: "desc" },
        select: signoffSelect,
      });
      if (raced?.contentSha256 === content.sha256) throw alreadySignedOff(raced);
      const created = await tx.reportSignoff.create({
        data: {
          comparisonId: data.comparison.id,
          comparisonTitle: data.comparison.title,
          signedById: actor.id,
          signedByName: actor.name,
          signedByRole: actor.role,
          signedAt: signed.signoff!.signedAt,
          statement,
          scope: data.scope,
          includesAudit: data.audit !== null,
          contentJson: content.json,
          contentSha256: content.sha256,
          pdf: new Uint8Array(pdf),
          pdfSha256: sha256Hex(pdf),
          pdfBytes: pdf.length,
        },
        select: signoffSelect,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "report.signoff",
        entityType: "report",
        entityId: created.id,
        comparisonId: created.comparisonId,
        after: { contentSha256: created.contentSha256, pdfSha256: created.pdfSha256, statement, findings: data.annotations.length },
      });
      return created;
    });
    return toSignoffView(record);
  } finally {
    slot.release();
  }
}

async function findSignoffWithContent(comparisonId: string, contentSha256: string) {
  // Only the latest counts: signing the same content again after a change and a revert is a new statement.
  const latest = await db.reportSignoff.findFirst({ where: { comparisonId }, orderBy: { signedAt: "desc" }, select: signoffSelect });
  return latest && latest.contentSha256 === contentSha256 ? latest : null;
}

function alreadySignedOff(existing: Parameters<typeof toSignoffView>[0]): AppError {
  const view = toSignoffView(existing);
  return new AppError(
    "conflict",
    `Nothing has changed since ${view.signedBy.name} signed this report off on ${view.signedAt.slice(0, 10)}; that sign-off stands.`,
    { extra: { existing: view } },
  );
}

export async function listSignoffs(actor: Actor, comparisonId: string): Promise<SignoffView[]> {
  assertPermission(actor, "report.export");
  const id = assertId(comparisonId, "comparison");
  const [comparison, records] = await Promise.all([
    db.comparison.findUnique({ where: { id }, select: { id: true } }),
    db.reportSignoff.findMany({ where: { comparisonId: id }, orderBy: { signedAt: "desc" }, select: signoffSelect }),
  ]);
  if (!comparison && records.length === 0) throw new AppError("not_found", "No comparison with this id.");
  return records.map(toSignoffView);
}

export type SignedFile = { view: SignoffView; bytes: Buffer };

export async function getSignoffPdf(actor: Actor, signoffId: string): Promise<SignedFile> {
  assertPermission(actor, "report.export");
  const record = await db.reportSignoff.findUnique({
    where: { id: assertId(signoffId, "sign-off") },
    select: { ...signoffSelect, pdf: true },
  });
  if (!record) throw new AppError("not_found", "No sign-off with this id.");
  return { view: toSignoffView(record), bytes: Buffer.from(record.pdf) };
}

/** The signed report's content as it was frozen, with its sign-off (for the DOCX of a sign-off). */
export async function getSignoffContent(actor: Actor, signoffId: string): Promise<{ view: SignoffView; contentJson: string }> {
  assertPermission(actor, "report.export");
  const record = await db.reportSignoff.findUnique({
    where: { id: assertId(signoffId, "sign-off") },
    select: { ...signoffSelect, contentJson: true },
  });
  if (!record) throw new AppError("not_found", "No sign-off with this id.");
  return { view: toSignoffView(record), contentJson: record.contentJson };
}

/** Changes recorded for the comparison after a point in time (the sign-off itself excluded). */
export async function countChangesSince(comparisonId: string, since: Date): Promise<number> {
  return db.auditEvent.count({ where: { comparisonId, createdAt: { gt: since }, action: { notIn: notAChange } } });
}

/**
 * The last sign-off of a comparison and how many changes were recorded
 * since: what the comparison page shows ("3 changes since the last sign-off").
 */
export async function getSignoffStatus(actor: Actor, comparisonId: string): Promise<SignoffStatus> {
  assertPermission(actor, "report.export");
  const id = assertId(comparisonId, "comparison");
  const latest = await db.reportSignoff.findFirst({ where: { comparisonId: id }, orderBy: { signedAt: "desc" }, select: signoffSelect });
  if (!latest) return { lastSignoff: null, changesSince: 0 };
  return { lastSignoff: toSignoffView(latest), changesSince: await countChangesSince(id, latest.signedAt) };
}
