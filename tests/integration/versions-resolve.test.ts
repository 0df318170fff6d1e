// Resolving a passage a new version changed or orphaned: re-select it in the
// latest version (an edit: recorded in history, an approved finding goes back
// to draft for a new review) or keep it on the version it was made on (the
// approval stays; the re-check flag clears).
import { describe, expect, it } from "vitest";

import { getAnnotation, submitAnnotation } from "@/lib/annotations/service";
import { db } from "@/lib/db";
import { untrustedInput } from "@/lib/validation";
import { getAnnotationHistory } from "@/lib/history/service";
import { reviewAnnotation } from "@/lib/reviews/service";
import { resolveSpan } from "@/lib/versions/resolve-service";
import { addVersion } from "@/lib/versions/service";
import { createAnnotation, createComparison, createUser } from "@/tests/support/factories";

import { refused } from "./annotations-helpers";

const BEFORE = "At least 12 soldiers were killed near Kidal.\n\nThe junta praised the Russian instructors.";
const AFTER = "At least 15 soldiers were killed near Kidal.\n\nThe junta praised the Russian instructors.";

async function approvedOnOldVersion() {
  const analyst = await createUser("analyst");
  const reviewer = await createUser("reviewer");
  const comparison = await createComparison({ leftText: BEFORE, createdById: analyst.id });
  const note = await createAnnotation(analyst, comparison, { kind: "note", leftQuote: "At least 12 soldiers were killed", submit: true });
  await reviewAnnotation(reviewer, note.id, { decision: "approve", version: note.version });
  await addVersion(analyst, comparison.left.id, { text: AFTER });
  const flagged = await getAnnotation(analyst, note.id);
  return { analyst, reviewer, comparison, flagged };
}

describe("resolving changed and orphaned passages", () => {
  it("re-selects the passage in the latest version: the span moves there, history records it, the approval must be given again", async () => {
    const { analyst, reviewer, flagged } = await approvedOnOldVersion();
    const span = flagged.spans[0]!;
    const start = AFTER.indexOf("At least 15 soldiers were killed");
    const resolved = await resolveSpan(analyst, flagged.id, span.id, {
      action: "reselect",
      version: flagged.version,
      start,
      end: start + 32,
      exact: "At least 15 soldiers were killed",
    });
    expect(resolved).toMatchObject({ status: "draft", needsRecheck: false, version: flagged.version + 1 });
    expect(resolved.spans[0]).toMatchObject({ id: span.id, exact: "At least 15 soldiers were killed", start, version: { number: 2 } });
    expect(resolved.spans[0]!.anchor).toMatchObject({ status: "unchanged", start, intactVersion: { number: 2 } });

    const history = await getAnnotationHistory(analyst, flagged.id);
    expect(JSON.stringify(history)).toContain("At least 15 soldiers were killed");
    const edit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: flagged.id, action: "annotation.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(edit.after).toMatchObject({ resolution: { action: "reselect", spanId: span.id }, status: "draft" });

    const resubmitted = await submitAnnotation(analyst, flagged.id, { version: resolved.version });
    expect((await reviewAnnotation(reviewer, flagged.id, { decision: "approve", version: resubmitted.version })).annotation.status).toBe(
      "approved",
    );
  });

  it("keeps the passage on its version: status and approval stay, the flag clears, and the decision is audited", async () => {
    const { analyst, flagged } = await approvedOnOldVersion();
    const span = flagged.spans[0]!;
    const kept = await resolveSpan(analyst, flagged.id, span.id, { action: "keep", version: flagged.version });
    expect(kept).toMatchObject({ status: "approved", needsRecheck: false, version: flagged.version });
    expect(kept.spans[0]).toMatchObject({ exact: "At least 12 soldiers were killed", version: { number: 1 } });
    expect(kept.spans[0]!.anchor).toMatchObject({ status: "changed", exact: "At least 15 soldiers were killed" });
    expect(kept.spans[0]!.anchor.keptAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: flagged.id, action: "annotation.span_keep", actorId: analyst.id } })).toBe(1);
    await refused(resolveSpan(analyst, flagged.id, span.id, { action: "keep", version: flagged.version }), "conflict");
  });

  it("refuses other people, stale versions, unchanged passages and selections that do not quote the text", async () => {
    const { analyst, reviewer, flagged, comparison } = await approvedOnOldVersion();
    const span = flagged.spans[0]!;
    await refused(resolveSpan(reviewer, flagged.id, span.id, { action: "keep", version: flagged.version }), "forbidden");
    await refused(resolveSpan(await createUser("analyst"), flagged.id, span.id, { action: "keep", version: flagged.version }), "forbidden");
    await refused(resolveSpan(analyst, flagged.id, span.id, { action: "keep", version: flagged.version - 1 }), "conflict");
    const wrong = await refused(
      resolveSpan(analyst, flagged.id, span.id, { action: "reselect", version: flagged.version, start: 0, end: 5, exact: "Other" }),
      "unprocessable",
    );
    expect(wrong.message).toContain("does not match");
    await refused(resolveSpan(analyst, flagged.id, span.id, untrustedInput({ action: "move" })), "bad_request");

    const fine = await createAnnotation(analyst, comparison, { kind: "note", leftQuote: "praised the Russian instructors" });
    await refused(resolveSpan(analyst, fine.id, fine.spans[0]!.id, { action: "keep", version: fine.version }), "conflict");
    expect((await getAnnotation(analyst, flagged.id)).status).toBe("approved");
  });
});
