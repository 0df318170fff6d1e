// A new source version re-anchors every passage on the source in the same
// transaction: unchanged (maybe moved), changed (both wordings kept) or
// orphaned (old quote and version kept, attached nowhere). Annotations with a
// changed or orphaned passage are flagged for re-check, approvals stay with
// the version they were given on, and author and reviewers are notified.
import { describe, expect, it } from "vitest";

import { getAnnotation } from "@/lib/annotations/service";
import type { AnnotationView } from "@/lib/annotations/views";
import { getComparison } from "@/lib/comparisons/service";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/notifications/service";
import { reviewAnnotation } from "@/lib/reviews/service";
import { addVersion, diffVersions, listVersions } from "@/lib/versions/service";
import { createAnnotation, createComparison, createUser } from "@/tests/support/factories";

const P1 = "Wagner fighters left Mali in June after three years in the country.";
const P2 = "At least 12 soldiers were killed in the attack near Kidal on Sunday, officials said.";
const P3 = "The junta praised the Russian instructors for their discipline and their training.";
const P4 = "Residents of Bamako remain wary of what the new arrangement will bring to the capital.";
const OTHER = "Most Russian personnel previously affiliated with Wagner will be reassigned to the Africa Corps.";

async function setUp() {
  const analyst = await createUser("analyst");
  const reviewer = await createUser("reviewer");
  const comparison = await createComparison({ leftText: [P1, P2, P3, P4].join("\n\n"), rightText: OTHER, createdById: analyst.id });
  await db.source.update({ where: { id: comparison.left.id }, data: { createdById: analyst.id } });
  const note = (quote: string, submit = false) => createAnnotation(analyst, comparison, { kind: "note", leftQuote: quote, submit });
  return { analyst, reviewer, comparison, note };
}

function spanOf(annotation: AnnotationView) {
  return annotation.spans[0]!;
}

describe("adding a version re-anchors every passage", () => {
  it("classifies unchanged, moved, changed and orphaned passages and flags the annotations to re-check", async () => {
    const { analyst, comparison, note } = await setUp();
    const stays = await note("left Mali in June");
    const moves = await note("praised the Russian instructors");
    const corrected = await note("At least 12 soldiers were killed");
    const removed = await note("remain wary of what the new arrangement");
    // The number is corrected, the last paragraph removed, and a paragraph added before the junta's.
    const next = [P1, P2.replace("12", "15"), "A new paragraph was added here by the editors.", P3].join("\n\n");

    const outcome = await addVersion(analyst, comparison.left.id, { text: next });
    expect(outcome).toMatchObject({
      changed: true,
      previousNumber: 1,
      version: { number: 2, origin: "paste", createdBy: { id: analyst.id } },
      summary: { unchanged: 2, changed: 1, orphaned: 1, annotationsFlagged: 2 },
    });

    const { annotations, sources } = await getComparison(analyst, comparison.id);
    expect(sources[0]!.text).toBe(next);
    const byId = new Map(annotations.map((a) => [a.id, a]));
    const at = (annotation: AnnotationView) => spanOf(byId.get(annotation.id)!);

    expect(at(stays).anchor).toMatchObject({ status: "unchanged", exact: "left Mali in June" });
    expect(byId.get(stays.id)!.needsRecheck).toBe(false);
    expect(at(moves).anchor).toMatchObject({ status: "unchanged", exact: "praised the Russian instructors", intactVersion: { number: 2 } });
    expect(next.slice(at(moves).anchor.start!, at(moves).anchor.end!)).toBe("praised the Russian instructors");
    expect(at(moves).anchor.start).not.toBe(at(moves).start);

    // Changed: the old wording stays the quote, the new one is the anchor.
    expect(at(corrected)).toMatchObject({ exact: "At least 12 soldiers were killed", version: { number: 1 } });
    expect(at(corrected).anchor).toMatchObject({
      status: "changed",
      exact: "At least 15 soldiers were killed",
      intactVersion: { number: 1 },
    });
    expect(byId.get(corrected.id)!.needsRecheck).toBe(true);

    // Orphaned: the old quote and the version it was made on stay; no place in the new text.
    expect(at(removed)).toMatchObject({ exact: "remain wary of what the new arrangement", version: { number: 1 } });
    expect(at(removed).anchor).toMatchObject({ status: "orphaned", start: null, end: null, exact: null });
    expect(byId.get(removed.id)!.needsRecheck).toBe(true);

    const audit = await db.auditEvent.findMany({
      where: { entityId: { in: [corrected.id, removed.id, stays.id] }, action: "annotation.reanchor" },
    });
    expect(audit.map((event) => event.entityId).sort()).toEqual([corrected.id, removed.id].sort());
    expect(await db.auditEvent.count({ where: { entityId: comparison.left.id, action: "source.version_create" } })).toBe(1);
  });

  it("answers changed: false and stores nothing when the cleaned text is the same", async () => {
    const { analyst, comparison } = await setUp();
    const same = `  ${[P1, P2, P3, P4].join("\r\n\r\n")}  `;
    expect(await addVersion(analyst, comparison.left.id, { text: same })).toMatchObject({ changed: false, version: { number: 1 } });
    expect(await listVersions(analyst, comparison.left.id)).toHaveLength(1);
  });

  it("keeps an approval on the version it was given on, flags it and notifies author and reviewer", async () => {
    const { analyst, reviewer, comparison, note } = await setUp();
    const approved = await note("At least 12 soldiers were killed", true);
    await reviewAnnotation(reviewer, approved.id, { decision: "approve", version: approved.version });
    const admin = await createUser("admin");

    await addVersion(admin, comparison.left.id, { text: [P1, P2.replace("12", "15"), P3, P4].join("\n\n") });

    const after = await getAnnotation(analyst, approved.id);
    expect(after).toMatchObject({ status: "approved", needsRecheck: true });
    expect(spanOf(after)).toMatchObject({ exact: "At least 12 soldiers were killed", version: { number: 1 } });
    expect(spanOf(after).anchor).toMatchObject({ status: "changed", intactVersion: { number: 1 } });
    expect(await db.review.count({ where: { annotationId: approved.id, decision: "approve" } })).toBe(1);

    for (const user of [analyst, reviewer]) {
      const { notifications, unread } = await listNotifications(user);
      expect(unread).toBe(1);
      expect(notifications[0]).toMatchObject({
        kind: "annotation.recheck",
        annotationId: approved.id,
        comparisonId: comparison.id,
        readAt: null,
      });
      expect(notifications[0]!.message).toContain("version 2");
    }
    expect((await listNotifications(admin)).unread).toBe(0);
  });

  it("re-anchors across several versions and attaches an orphan again when its passage comes back", async () => {
    const { analyst, comparison, note } = await setUp();
    const removed = await note("remain wary of what the new arrangement");
    await addVersion(analyst, comparison.left.id, { text: [P1, P2, P3].join("\n\n") });
    expect(spanOf(await getAnnotation(analyst, removed.id)).anchor.status).toBe("orphaned");
    await addVersion(analyst, comparison.left.id, { text: [P1, P2, P3, P4].join("\n\n") });
    const back = spanOf(await getAnnotation(analyst, removed.id));
    expect(back.anchor).toMatchObject({
      status: "unchanged",
      exact: "remain wary of what the new arrangement",
      intactVersion: { number: 3 },
    });
    expect((await listVersions(analyst, comparison.left.id)).map((v) => v.number)).toEqual([3, 2, 1]);
  });

  it("diffs any two versions word by word", async () => {
    const { analyst, comparison } = await setUp();
    await addVersion(analyst, comparison.left.id, { text: [P1, P2.replace("12", "15"), P3].join("\n\n") });
    const diff = await diffVersions(analyst, comparison.left.id, 1, 2);
    expect(diff.from.number).toBe(1);
    expect(diff.to.number).toBe(2);
    expect(diff.blocks.map((block) => block.type)).toEqual(["equal", "changed", "equal", "deleted"]);
    expect(diff.stats).toMatchObject({ changedParagraphs: 1, insertedWords: 1 });
  });
});
