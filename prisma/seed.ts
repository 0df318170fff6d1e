import "server-only";

import { describeSpan } from "@/lib/anchoring/quote";
import type { AnnotationKind } from "@/lib/annotations/schemas";
import type { ReviewDecision } from "@/lib/annotations/state";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import type { Reliability } from "@/lib/comparisons/grades";
import { db, type Tx } from "@/lib/db";
import { annotationFeed } from "@/lib/live/notice";
import { firstVersion, spanOnVersion } from "@/lib/versions/records";

import { DEMO_PASSWORD, demoAccounts, demoComparison, loadSeedSource, type SeedSource } from "./seed-data/index";

// Demo data: the four accounts and the seeded three-source comparison, with a
// few findings so the review queue, the evidence matrix and the report have
// something to show. Safe to run again: it creates only what is missing and
// never resets passwords.

type SeededSource = { id: string; text: string; versionId: string };

const seededSelect = { id: true, text: true, versions: { select: { id: true }, orderBy: { number: "desc" }, take: 1 } } as const;

function toSeeded(row: { id: string; text: string; versions: Array<{ id: string }> }): SeededSource {
  return { id: row.id, text: row.text, versionId: row.versions[0]!.id };
}

async function ensureUsers(): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { ...account, passwordHash },
      update: {},
      select: { id: true },
    });
    ids.set(account.email, user.id);
  }
  return ids;
}

async function ensureSource(source: SeedSource, createdById: string): Promise<SeededSource> {
  const loaded = loadSeedSource(source);
  // Match on the raw scrape too: when the cleaning rules improve, an installation
  // seeded earlier keeps its source (its text is immutable once annotated).
  const existing = await db.source.findFirst({
    where: { title: loaded.title, OR: [{ contentHash: loaded.contentHash }, { rawContent: loaded.rawContent }] },
    select: seededSelect,
  });
  if (existing) return toSeeded(existing);
  return toSeeded(
    await db.source.create({ data: { ...loaded, createdById, versions: firstVersion({ ...loaded, createdById }) }, select: seededSelect }),
  );
}

function spanOf(source: SeededSource, quote: string, position: number) {
  const start = source.text.indexOf(quote);
  if (start < 0) throw new Error(`Seed quote not found: ${quote}`);
  const selector = describeSpan(source.text, start, start + quote.length);
  return { sourceId: source.id, position, ...selector, ...spanOnVersion(source.versionId, selector) };
}

type SeedFinding = {
  authorId: string;
  kind: AnnotationKind;
  rationale: string;
  confidence: "low" | "medium" | "high";
  credibility: number | null;
  tags: string[];
  passages: Array<[SeededSource, string]>;
  /** Submitted for review; with a decision when `review` is set. */
  review?: { reviewerId: string; decision: ReviewDecision; comment: string };
};

/** One finding with its spans, review and the audit trail the services would have written. */
async function createFinding(tx: Tx, comparisonId: string, finding: SeedFinding, now: Date): Promise<void> {
  const status = finding.review
    ? ({ approve: "approved", request_changes: "changes_requested", reject: "rejected" } as const)[finding.review.decision]
    : "in_review";
  const annotation = await tx.annotation.create({
    data: {
      comparisonId,
      authorId: finding.authorId,
      kind: finding.kind,
      rationale: finding.rationale,
      confidence: finding.confidence,
      credibility: finding.credibility,
      tags: finding.tags,
      status,
      version: finding.review ? 3 : 2,
      submittedAt: now,
      decidedAt: finding.review ? now : null,
      spans: { create: finding.passages.map(([source, quote], i) => spanOf(source, quote, i)) },
    },
    select: { id: true },
  });
  const audit = { entityType: "annotation", entityId: annotation.id, comparisonId } as const;
  const facts = { id: annotation.id, author: { id: finding.authorId }, version: 1 };
  await recordAudit(tx, {
    ...audit,
    actorId: finding.authorId,
    action: "annotation.create",
    after: { status: "draft", version: 1 },
    feed: annotationFeed(facts, "draft", null, 1),
  });
  await recordAudit(tx, {
    ...audit,
    actorId: finding.authorId,
    action: "annotation.submit",
    before: { status: "draft", version: 1 },
    after: { status: "in_review", version: 2 },
    feed: annotationFeed(facts, "in_review", "draft", 2),
  });
  if (!finding.review) return;
  const { reviewerId, decision, comment } = finding.review;
  const review = await tx.review.create({
    data: { annotationId: annotation.id, reviewerId, decision, annotationVersion: 2, comment },
    select: { id: true },
  });
  await recordAudit(tx, {
    ...audit,
    actorId: reviewerId,
    action: `annotation.${decision}`,
    before: { status: "in_review", version: 2 },
    after: { status, version: 3, decision, comment, reviewId: review.id },
    feed: annotationFeed(facts, status, "in_review", 3),
  });
}

const grades: Array<{ reliability: Reliability; note: string } | null> = [
  { reliability: "C", note: "Regional outlet; cites The Sentry's investigation and named officials." },
  { reliability: "D", note: "Unattributed rewrite of other reports; speculative wording (“speculations suggest”)." },
  null,
];

export async function seedDemo(log: (message: string) => void = console.log): Promise<void> {
  const users = await ensureUsers();
  const analyst = users.get("analyst@example.com")!;
  const analyst2 = users.get("analyst2@example.com")!;
  const reviewer = users.get("reviewer@example.com")!;
  const sources: SeededSource[] = [];
  for (const source of demoComparison.sources) sources.push(await ensureSource(source, analyst));
  const [a, b, c] = sources as [SeededSource, SeededSource, SeededSource];

  const existing = await db.comparison.findFirst({
    where: { title: demoComparison.title, sources: { some: { sourceId: a.id, position: 0 } } },
    select: { id: true, sources: { select: { sourceId: true } } },
  });
  if (existing) {
    // Installations seeded before comparisons held more than two sources get the sample as source C.
    const missing = sources.filter((source) => !existing.sources.some((s) => s.sourceId === source.id));
    for (const source of missing) {
      const position = await db.comparisonSource.count({ where: { comparisonId: existing.id } });
      await db.comparisonSource.create({ data: { comparisonId: existing.id, sourceId: source.id, position } });
    }
    return log(missing.length ? "Added the sample third source to the demo comparison." : "Demo data already present.");
  }

  await db.$transaction(async (tx) => {
    const now = new Date();
    const comparison = await tx.comparison.create({
      data: { title: demoComparison.title, question: demoComparison.question, createdById: analyst },
    });
    for (const [position, source] of sources.entries()) {
      const grade = grades[position];
      await tx.comparisonSource.create({
        data: {
          comparisonId: comparison.id,
          sourceId: source.id,
          position,
          ...(grade ? { reliability: grade.reliability, reliabilityNote: grade.note, gradedById: reviewer, gradedAt: now } : {}),
        },
      });
    }
    await recordAudit(tx, {
      actorId: analyst,
      action: "comparison.create",
      entityType: "comparison",
      entityId: comparison.id,
      comparisonId: comparison.id,
    });
    const findings: SeedFinding[] = [
      {
        authorId: analyst,
        kind: "agreement",
        rationale:
          "Both sources say most former Wagner personnel move into the Russian Defence Ministry's Africa Corps: A puts it at up to 80%, B expects most of them to be reassigned.",
        confidence: "high",
        credibility: 2,
        tags: ["africa-corps", "personnel"],
        passages: [
          [a, "up to 80% of the unit is composed of ex-Wagner personnel"],
          [b, "most Russian personnel previously affiliated with Wagner will be reassigned to The Africa Corps"],
        ],
        review: { reviewerId: reviewer, decision: "approve", comment: "Well supported by both texts." },
      },
      {
        authorId: analyst2,
        kind: "note",
        rationale: "A dates Wagner's official withdrawal to June 2025; B gives no date for the departure.",
        confidence: "medium",
        credibility: null,
        tags: ["timeline"],
        passages: [[a, "Wagner officially withdrew from Mali in June 2025"]],
      },
      {
        authorId: analyst2,
        kind: "agreement",
        rationale: "All three sources agree that Russia's military presence continues after Wagner's exit, through the Africa Corps.",
        confidence: "high",
        credibility: 1,
        tags: ["africa-corps"],
        passages: [
          [a, "their influence has not entirely vanished"],
          [b, "the Russian military presence in Mali is far from over"],
          [c, "The departure does not end Russia's military role in the country."],
        ],
        review: { reviewerId: reviewer, decision: "approve", comment: "Three independent wordings of the same point." },
      },
      {
        authorId: analyst,
        kind: "contradiction",
        rationale: "A says up to 80% of the Africa Corps are ex-Wagner; the sample article C says about half.",
        confidence: "medium",
        credibility: 3,
        tags: ["africa-corps", "personnel"],
        passages: [
          [a, "up to 80% of the unit is composed of ex-Wagner personnel"],
          [c, "about half of its personnel previously served with Wagner"],
        ],
      },
    ];
    for (const finding of findings) await createFinding(tx, comparison.id, finding, now);
  });
  log("Seeded the demo comparison and demo accounts.");
}
