import "server-only";

import { assertPermission, type Actor } from "@/lib/auth/actor";
import { recordSelect, toRecord } from "@/lib/comparisons/records";
import type { ComparisonRecord } from "@/lib/comparisons/views";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertId } from "@/lib/validation";

/** A comparison's title, question, creator and sources (no texts, no annotations): for the pages around the workbench. */
export async function getComparisonRecord(actor: Actor, id: string): Promise<ComparisonRecord> {
  assertPermission(actor, "comparison.read");
  const row = await db.comparison.findUnique({ where: { id: assertId(id, "comparison") }, select: recordSelect });
  if (!row) throw new AppError("not_found", "No comparison with this id.");
  return toRecord(row);
}
