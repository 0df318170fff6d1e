import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { canGradeSources, canManageComparison } from "@/lib/comparisons/access";
import type { Reliability } from "@/lib/comparisons/grades";
import { recordSelect, toRecord } from "@/lib/comparisons/records";
import { comparisonSourceSelect, toMembership, type ComparisonRecord, type SourceMembership } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toDay } from "@/lib/sources/views";
import { assertId } from "@/lib/validation";

// What the Sources page of a comparison shows: each source in order with its
// label and grade, how many passages point into it (a used source cannot be
// removed), and the history of its grade from the audit trail.

export type GradeChange = {
  at: string;
  actor: { id: string; name: string } | null;
  before: { reliability: Reliability | null; note: string | null };
  after: { reliability: Reliability | null; note: string | null };
};

export type OverviewSource = SourceMembership & {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Passages of this comparison's annotations in this source (any author, drafts included: they block removal too). */
  passageCount: number;
  gradeHistory: GradeChange[];
};

export type SourcesOverview = {
  comparison: ComparisonRecord;
  sources: OverviewSource[];
  canManage: boolean;
  canGrade: boolean;
};

type GradeSnapshot = { id?: unknown; reliability?: unknown; reliabilityNote?: unknown };

function gradeOf(snapshot: GradeSnapshot | null) {
  return {
    reliability: (typeof snapshot?.reliability === "string" ? snapshot.reliability : null) as Reliability | null,
    note: typeof snapshot?.reliabilityNote === "string" ? snapshot.reliabilityNote : null,
  };
}

export async function getSourcesOverview(actor: Actor, comparisonId: string): Promise<SourcesOverview> {
  assertPermission(actor, "comparison.read");
  const id = assertId(comparisonId, "comparison");
  const row = await db.comparison.findUnique({
    where: { id },
    select: {
      ...recordSelect,
      sources: {
        select: {
          ...comparisonSourceSelect,
          source: { select: { id: true, title: true, outlet: true, author: true, url: true, publishedAt: true } },
        },
        orderBy: { position: "asc" },
      },
    },
  });
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  const [passages, gradeEvents] = await Promise.all([
    db.span.groupBy({ by: ["sourceId"], where: { annotation: { comparisonId: id } }, _count: { _all: true } }),
    db.auditEvent.findMany({
      where: { comparisonId: id, entityType: "comparison", action: { in: ["comparison.source_grade", "comparison.source_update"] } },
      select: { createdAt: true, before: true, after: true, actor: { select: { id: true, name: true } } },
      orderBy: { createdAt: "desc" },
      take: 500,
    }),
  ]);
  const history = gradeEvents
    .map((event) => {
      const before = event.before as GradeSnapshot | null;
      const after = event.after as GradeSnapshot | null;
      return {
        sourceId: typeof after?.id === "string" ? after.id : null,
        at: event.createdAt.toISOString(),
        actor: event.actor,
        before: gradeOf(before),
        after: gradeOf(after),
      };
    })
    .filter(
      (change) => change.sourceId && (change.before.reliability !== change.after.reliability || change.before.note !== change.after.note),
    );
  const sources = row.sources.map(({ source, ...membership }) => ({
    ...source,
    publishedAt: toDay(source.publishedAt),
    ...toMembership(membership),
    passageCount: passages.find((p) => p.sourceId === source.id)?._count._all ?? 0,
    gradeHistory: history.filter((change) => change.sourceId === source.id).map(({ sourceId: _id, ...change }) => change),
  }));
  const record = toRecord({ ...row, sources: [] });
  return {
    comparison: {
      ...record,
      sources: sources.map(({ id: sourceId, title, outlet, label, reliability }) => ({ id: sourceId, title, outlet, label, reliability })),
    },
    sources,
    canManage: canManageComparison(actor, record),
    canGrade: canGradeSources(actor),
  };
}
