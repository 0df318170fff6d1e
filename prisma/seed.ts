import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { describeSpan } from "@/lib/anchoring/quote";
import { db } from "@/lib/db";

import { DEMO_PASSWORD, demoAccounts, demoComparison, loadSeedSource, type SeedSource } from "./seed-data/index";

// Demo data: the four accounts and the seeded comparison, plus two example
// findings so the review queue and the report have something to show. Safe
// to run again: it creates only what is missing and never resets passwords.

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

async function ensureSource(source: SeedSource, createdById: string): Promise<{ id: string; text: string }> {
  const loaded = loadSeedSource(source);
  const existing = await db.source.findFirst({
    where: { contentHash: loaded.contentHash, title: loaded.title },
    select: { id: true, text: true },
  });
  if (existing) return existing;
  return db.source.create({ data: { ...loaded, createdById }, select: { id: true, text: true } });
}

function spanOf(sourceId: string, text: string, quote: string, position: number) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`Seed quote not found: ${quote}`);
  return { sourceId, position, ...describeSpan(text, start, start + quote.length) };
}

export async function seedDemo(log: (message: string) => void = console.log): Promise<void> {
  const users = await ensureUsers();
  const analyst = users.get("analyst@example.com")!;
  const analyst2 = users.get("analyst2@example.com")!;
  const reviewer = users.get("reviewer@example.com")!;
  const left = await ensureSource(demoComparison.left, analyst);
  const right = await ensureSource(demoComparison.right, analyst);
  const existing = await db.comparison.findFirst({
    where: { title: demoComparison.title, leftSourceId: left.id, rightSourceId: right.id },
  });
  if (existing) return log("Demo data already present.");

  await db.$transaction(async (tx) => {
    const comparison = await tx.comparison.create({
      data: {
        title: demoComparison.title,
        question: demoComparison.question,
        leftSourceId: left.id,
        rightSourceId: right.id,
        createdById: analyst,
      },
    });
    const now = new Date();
    const agreement = await tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        authorId: analyst,
        kind: "agreement",
        rationale:
          "Both sources say most former Wagner personnel move into the Russian Defence Ministry's Africa Corps: A puts it at up to 80%, B expects most of them to be reassigned.",
        confidence: "high",
        tags: ["africa-corps", "personnel"],
        status: "approved",
        version: 2,
        submittedAt: now,
        decidedAt: now,
        spans: {
          create: [
            spanOf(left.id, left.text, "up to 80% of the unit is composed of ex-Wagner personnel", 0),
            spanOf(
              right.id,
              right.text,
              "most Russian personnel previously affiliated with Wagner will be reassigned to The Africa Corps",
              1,
            ),
          ],
        },
      },
    });
    await tx.review.create({
      data: {
        annotationId: agreement.id,
        reviewerId: reviewer,
        decision: "approve",
        annotationVersion: 2,
        comment: "Well supported by both texts.",
      },
    });
    const note = await tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        authorId: analyst2,
        kind: "note",
        rationale: "A dates Wagner's official withdrawal to June 2025; B gives no date for the departure.",
        confidence: "medium",
        tags: ["timeline"],
        status: "in_review",
        version: 2,
        submittedAt: now,
        spans: { create: [spanOf(left.id, left.text, "Wagner officially withdrew from Mali in June 2025", 0)] },
      },
    });
    for (const [annotationId, authorId] of [
      [agreement.id, analyst],
      [note.id, analyst2],
    ] as const) {
      await recordAudit(tx, {
        actorId: authorId,
        action: "annotation.create",
        entityType: "annotation",
        entityId: annotationId,
        comparisonId: comparison.id,
      });
      await recordAudit(tx, {
        actorId: authorId,
        action: "annotation.submit",
        entityType: "annotation",
        entityId: annotationId,
        comparisonId: comparison.id,
        after: { status: "in_review", version: 2 },
      });
    }
    await recordAudit(tx, {
      actorId: reviewer,
      action: "review.approve",
      entityType: "annotation",
      entityId: agreement.id,
      comparisonId: comparison.id,
      after: { status: "approved", version: 2 },
    });
  });
  log("Seeded the demo comparison and demo accounts.");
}
