import { beforeAll, describe, expect, it } from "vitest";

import { submitAnnotation, updateAnnotation } from "@/lib/annotations/service";
import { addComment } from "@/lib/comments/service";
import { getAnnotationContext, getAnnotationHistory } from "@/lib/history/service";
import { reviewAnnotation } from "@/lib/reviews/service";
import { createAnnotation, createComparison, createUser, type TestComparison, type TestUser } from "@/tests/support/factories";

let analyst: TestUser;
let reviewer: TestUser;
let comparison: TestComparison;

beforeAll(async () => {
  [analyst, reviewer] = await Promise.all([createUser("analyst"), createUser("reviewer")]);
  comparison = await createComparison();
});

describe("annotation history", () => {
  it("shows every version with what changed, each review and comment, who and when", async () => {
    const created = await createAnnotation(analyst, comparison, { submit: true, rationale: "Both say most moved.", tags: ["wagner"] });
    const sent = await reviewAnnotation(reviewer, created.id, {
      decision: "request_changes",
      version: created.version,
      comment: "Add the 80% figure.",
    });
    await addComment(analyst, created.id, { body: "Will do." });
    const edited = await updateAnnotation(analyst, created.id, {
      version: sent.annotation.version,
      rationale: "Both say most moved; A gives up to 80%.",
      confidence: "high",
      spans: [
        {
          sourceId: comparison.left.id,
          start: comparison.left.text.indexOf("up to 80%"),
          end: comparison.left.text.indexOf("up to 80%") + 9,
          exact: "up to 80%",
        },
        ...created.spans.filter((s) => s.sourceId === comparison.right.id),
      ],
    });
    const resubmitted = await submitAnnotation(analyst, created.id, { version: edited.version });
    await reviewAnnotation(reviewer, created.id, { decision: "approve", version: resubmitted.version });

    const history = await getAnnotationHistory(analyst, created.id);
    expect(history.events.map((e) => [e.action, e.actor?.id, e.version])).toEqual([
      ["annotation.create", analyst.id, 1],
      ["annotation.submit", analyst.id, 1],
      ["annotation.request_changes", reviewer.id, 2],
      ["annotation.update", analyst.id, 3],
      ["annotation.submit", analyst.id, 4],
      ["annotation.approve", reviewer.id, 5],
    ]);
    const update = history.events[3]!;
    expect(update.changes.map((c) => c.field).sort()).toEqual(["confidence", "rationale", "spans", "status"]);
    expect(update.changes.find((c) => c.field === "rationale")).toEqual({
      field: "rationale",
      before: "Both say most moved.",
      after: "Both say most moved; A gives up to 80%.",
    });
    expect(update.changes.find((c) => c.field === "status")).toMatchObject({ before: "changes_requested", after: "draft" });
    expect(history.events[2]!.comment).toBe("Add the 80% figure.");
    expect(history.reviews.map((r) => [r.decision, r.annotationVersion, r.reviewer.name])).toEqual([
      ["request_changes", 1, reviewer.name],
      ["approve", 4, reviewer.name],
    ]);
    expect(history.comments.map((c) => c.body)).toEqual(["Will do."]);
    expect(history.annotation).toMatchObject({ status: "approved", version: 5 });
  });

  it("shows an annotation in context, with the text around it and the annotations nearby", async () => {
    const target = await createAnnotation(analyst, comparison, {
      kind: "contradiction",
      leftQuote: "Most fighters have simply reappeared",
      rightQuote: "claiming mission accomplished",
      submit: true,
    });
    const near = await createAnnotation(reviewer, comparison, { kind: "note", leftQuote: "up to 80% of them" });
    const context = await getAnnotationContext(reviewer, target.id);
    expect(context.comparison.sources.map((s) => s.id)).toEqual([comparison.left.id, comparison.right.id]);
    const left = context.excerpts.find((e) => e.sourceId === comparison.left.id)!;
    expect(left.exact).toBe("Most fighters have simply reappeared");
    expect(left.before).toContain("Wagner fighters left Mali in June.");
    expect(left.after).toContain("under the Kremlin-backed Africa Corps");
    expect(context.nearby.map((n) => n.id)).toContain(near.id);
    expect(context.nearby.map((n) => n.id)).not.toContain(target.id);
  });
});
