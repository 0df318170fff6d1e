import "server-only";

import { visibleAnnotationsWhere } from "@/lib/annotations/access";
import { lockComparisonTexts } from "@/lib/annotations/latest-texts";
import { assertPermission, type Actor } from "@/lib/auth/actor";
import { positionLetter } from "@/lib/comparisons/views";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { planImport, type ExistingAnnotation, type ItemPlan, type PlanSource } from "@/lib/interop/import/plan";
import { readImportDocument } from "@/lib/interop/import/read-document";
import type { ImportReport, ImportSummary, ItemOutcome } from "@/lib/interop/import/types";
import { writeImportedDrafts } from "@/lib/interop/import/write";
import { importQuerySchema, type ImportQuery } from "@/lib/interop/schemas";
import { assertId, parseInput, type UntrustedInput } from "@/lib/validation";

// Imports annotations made elsewhere (W3C Web Annotation or Hypothesis) into a
// comparison: read and check the whole file, anchor every passage onto the
// sources' latest texts, and — unless it is a dry run — write the anchored
// (and confirmed fuzzy) items as drafts of the importer in one transaction,
// re-anchored under the same share lock that annotation creation takes, so a
// concurrent new version cannot slip in between.

type ComparisonSourceRow = { id: string; label: string; url: string | null };

async function comparisonSources(tx: Tx | typeof db, comparisonId: string): Promise<ComparisonSourceRow[]> {
  const rows = await tx.comparisonSource.findMany({
    where: { comparisonId },
    select: { position: true, label: true, source: { select: { id: true, url: true } } },
    orderBy: { position: "asc" },
  });
  if (rows.length === 0) throw new AppError("not_found", "No comparison with this id.");
  return rows.map((row) => ({ id: row.source.id, url: row.source.url, label: row.label ?? positionLetter(row.position) }));
}

/** The annotations already there (those the importer may see), by their places on the latest versions. */
async function existingAnnotations(tx: Tx | typeof db, actor: Actor, comparisonId: string): Promise<ExistingAnnotation[]> {
  const rows = await tx.annotation.findMany({
    where: { AND: [{ comparisonId }, visibleAnnotationsWhere(actor)] },
    select: { kind: true, rationale: true, spans: { select: { sourceId: true, anchorStart: true, anchorEnd: true } } },
  });
  return rows.map((row) => ({
    kind: row.kind,
    rationale: row.rationale,
    spans: row.spans.map((span) => ({ sourceId: span.sourceId, start: span.anchorStart ?? -1, end: span.anchorEnd ?? -1 })),
  }));
}

function summarize(plans: readonly ItemPlan[], imported: number): ImportSummary {
  const summary: ImportSummary = { total: plans.length, imported, anchored: 0, fuzzy: 0, orphaned: 0, rejected: 0, duplicate: 0 };
  for (const plan of plans) summary[plan.report.outcome as ItemOutcome] += 1;
  return summary;
}

function isWanted(plan: ItemPlan, confirm: "all" | number[]): boolean {
  if (plan.report.outcome === "anchored") return true;
  return plan.report.outcome === "fuzzy" && (confirm === "all" || confirm.includes(plan.item.index));
}

export async function importAnnotations(
  actor: Actor,
  comparisonId: string,
  document: UntrustedInput,
  query: ImportQuery | UntrustedInput = {},
): Promise<ImportReport> {
  assertPermission(actor, "annotation.create");
  const options = parseInput(importQuerySchema, query);
  const id = assertId(comparisonId, "comparison");
  const read = readImportDocument(document, options.format);

  const plan = async (tx: Tx | typeof db, texts: ReadonlyMap<string, string>) => {
    const sources: PlanSource[] = (await comparisonSources(tx, id)).map((source) => ({ ...source, text: texts.get(source.id) ?? "" }));
    return planImport(read.items, sources, await existingAnnotations(tx, actor, id));
  };

  if (options.dryRun) {
    const rows = await db.comparisonSource.findMany({
      where: { comparisonId: id },
      select: { source: { select: { id: true, text: true } } },
    });
    const plans = await plan(db, new Map(rows.map((row) => [row.source.id, row.source.text])));
    return { dryRun: true, format: read.format, warnings: read.warnings, summary: summarize(plans, 0), items: plans.map((p) => p.report) };
  }

  return db.$transaction(
    async (tx) => {
      const locked = await lockComparisonTexts(tx, id);
      const plans = await plan(tx, locked.texts);
      const wanted = plans.filter((p) => isWanted(p, options.confirm));
      const summary = summarize(plans, wanted.length);
      const ids =
        wanted.length > 0 ? await writeImportedDrafts(tx, actor, id, locked, wanted, { format: read.format, summary }) : new Map();
      const items = plans.map((p) => ({ ...p.report, annotationId: ids.get(p.item.index) ?? null }));
      return { dryRun: false, format: read.format, warnings: read.warnings, summary, items };
    },
    { timeout: 120_000 },
  );
}
