import { describe, expect, it } from "vitest";

import { toCompactComparison } from "@/lib/comparisons/compact";
import { getCompactComparison } from "@/lib/comparisons/compact-service";
import { getComparison } from "@/lib/comparisons/service";
import { isAppError } from "@/lib/errors";
import { addVersion } from "@/lib/versions/service";

import { createAnnotation, createComparison, createUser } from "../support/factories";

// The compact form read straight from the database (the workbench page and
// `?form=compact`) carries exactly what the readable form carries, under the
// same visibility rules: other people's drafts stay private.

describe("getCompactComparison", () => {
  it("equals the readable comparison in compact form, for the author and for someone else", async () => {
    const author = await createUser("analyst");
    const other = await createUser("analyst");
    const comparison = await createComparison({ moreTexts: ["A third source about the same events."] });
    await createAnnotation(author, comparison, { kind: "contradiction", submit: true, tags: ["rebrand"] });
    await createAnnotation(author, comparison, { kind: "note" });
    await createAnnotation(other, comparison, { kind: "agreement", submit: true });
    const moved = await createAnnotation(other, comparison, { kind: "note", submit: true });
    // A new version of the first source moves every passage in it: those spans travel in full (version and anchor).
    const opening = "An editor added this opening sentence. ";
    await addVersion(await createUser("admin"), comparison.left.id, { text: `${opening}${comparison.left.text}` });

    for (const viewer of [author, other]) {
      const compact = await getCompactComparison(viewer, comparison.id);
      const readable = toCompactComparison(await getComparison(viewer, comparison.id));
      expect(compact).toEqual(readable);
    }
    const seenByOther = await getCompactComparison(other, comparison.id);
    expect(seenByOther.annotations).toHaveLength(3);
    const [span] = seenByOther.annotations.find((a) => a.id === moved.id)!.spans;
    expect(span).toMatchObject({
      sourceIndex: 0,
      version: { number: 1 },
      anchor: { status: "unchanged", start: moved.spans[0]!.start + opening.length },
    });
    // Passages in the unchanged source stay plain offsets.
    const agreement = seenByOther.annotations.find((a) => a.kind === "agreement")!;
    expect(agreement.spans[1]).toEqual([1, expect.any(Number), expect.any(Number)]);
    expect((await getCompactComparison(author, comparison.id)).annotations).toHaveLength(4);
  });

  it("answers not found for an unknown comparison", async () => {
    const viewer = await createUser("analyst");
    await expect(getCompactComparison(viewer, "00000000-0000-4000-8000-000000000000")).rejects.toSatisfy(
      (error: unknown) => isAppError(error) && error.code === "not_found",
    );
  });
});
