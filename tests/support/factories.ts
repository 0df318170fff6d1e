// Test data for integration tests: real rows in the run's database, random
// emails so files and parallel calls never collide, annotations created
// through the real annotation service (so spans are verified as in the app).
import { randomBytes } from "node:crypto";

import type { CreateAnnotationInput } from "@/lib/annotations/schemas";
import { createAnnotation as createAnnotationThroughService } from "@/lib/annotations/service";
import type { AnnotationView } from "@/lib/annotations/views";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { contentHash } from "@/lib/sources/content-hash";
import { firstVersion } from "@/lib/versions/records";

export const FACTORY_PASSWORD = "factory-password-1";

let cachedHash: Promise<string> | undefined;

export function randomSuffix(): string {
  return randomBytes(5).toString("hex");
}

export type TestUser = Actor & { password: string };

export type CreateUserOptions = { name?: string; email?: string; isDisabled?: boolean };

/** An account with a random email and the password FACTORY_PASSWORD. */
export async function createUser(role: Role = "analyst", options: CreateUserOptions = {}): Promise<TestUser> {
  cachedHash ??= hashPassword(FACTORY_PASSWORD);
  const suffix = randomSuffix();
  const user = await db.user.create({
    data: {
      email: options.email ?? `${role}-${suffix}@test.example`,
      name: options.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${suffix}`,
      role,
      passwordHash: await cachedHash,
      disabledAt: options.isDisabled ? new Date() : null,
    },
    select: { id: true, email: true, name: true, role: true },
  });
  return { ...user, password: FACTORY_PASSWORD };
}

export const LEFT_TEXT =
  "Wagner fighters left Mali in June. Most fighters have simply reappeared under the Kremlin-backed Africa Corps, " +
  "up to 80% of them according to local sources. The junta praised the Russian instructors. Residents of Bamako remain wary.";
export const RIGHT_TEXT =
  "The Wagner Group announced its departure from Mali, claiming mission accomplished. Most Russian personnel previously " +
  "affiliated with Wagner will be reassigned to the Africa Corps. Analysts doubt the security situation will improve.";

export type TestSource = { id: string; text: string };

export type TestComparison = {
  id: string;
  title: string;
  /** Every source, in order. */
  sources: TestSource[];
  /** The first two sources, as most tests need just a pair. */
  left: TestSource;
  right: TestSource;
};

export type CreateComparisonOptions = {
  title?: string;
  leftText?: string;
  rightText?: string;
  /** Texts of further sources (C, D, …). */
  moreTexts?: string[];
  createdById?: string;
};

/** A comparison over freshly created sources (plain text, already normalized): two unless `moreTexts` adds some. */
export async function createComparison(options: CreateComparisonOptions = {}): Promise<TestComparison> {
  const suffix = randomSuffix();
  const leftText = options.leftText ?? LEFT_TEXT;
  const rightText = options.rightText ?? RIGHT_TEXT;
  const makeSource = (title: string, text: string) =>
    db.source.create({
      data: {
        title,
        outlet: "Test Outlet",
        rawContent: text,
        text,
        contentHash: contentHash(text),
        createdById: options.createdById ?? null,
        versions: firstVersion({ text, rawContent: text, contentHash: contentHash(text), createdById: options.createdById }),
      },
      select: { id: true, text: true },
    });
  const texts = [leftText, rightText, ...(options.moreTexts ?? [])];
  const sources: TestSource[] = [];
  for (const [i, text] of texts.entries()) sources.push(await makeSource(`Source ${String.fromCharCode(65 + i)} ${suffix}`, text));
  const title = options.title ?? `Comparison ${suffix}`;
  const comparison = await db.comparison.create({
    data: {
      title,
      question: "Did Wagner leave?",
      createdById: options.createdById ?? null,
      sources: { create: sources.map((source, position) => ({ sourceId: source.id, position })) },
    },
    select: { id: true },
  });
  return { id: comparison.id, title, sources, left: sources[0]!, right: sources[1]! };
}

export type CreateAnnotationOptions = Partial<Omit<CreateAnnotationInput, "spans">> & {
  /** Quote from the left text (must occur in it); defaults to its first sentence. */
  leftQuote?: string;
  /** Quote from the right text; ignored for notes. */
  rightQuote?: string;
  spans?: CreateAnnotationInput["spans"];
};

function spanFor(source: { id: string; text: string }, quote: string) {
  const start = source.text.indexOf(quote);
  if (start < 0) throw new Error(`Quote not found in source: ${quote}`);
  return { sourceId: source.id, start, end: start + quote.length, exact: quote };
}

/** Creates an annotation as `actor` through lib/annotations/service (draft unless `submit: true`). */
export async function createAnnotation(
  actor: Actor,
  comparison: TestComparison,
  options: CreateAnnotationOptions = {},
): Promise<AnnotationView> {
  const kind = options.kind ?? "agreement";
  const leftQuote = options.leftQuote ?? comparison.left.text.split(". ")[0]!;
  const rightQuote = options.rightQuote ?? comparison.right.text.split(". ")[0]!;
  const spans =
    options.spans ??
    (kind === "note"
      ? [spanFor(comparison.left, leftQuote)]
      : [spanFor(comparison.left, leftQuote), spanFor(comparison.right, rightQuote)]);
  return createAnnotationThroughService(actor, comparison.id, {
    kind,
    rationale: options.rationale ?? `Rationale ${randomSuffix()}`,
    confidence: options.confidence,
    tags: options.tags,
    submit: options.submit ?? false,
    spans,
  });
}
