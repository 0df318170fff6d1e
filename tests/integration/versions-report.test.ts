// The report's data for source versions: each quote says which version (and
// date) it was quoted from, and findings whose quote changed since are
// flagged, in both scopes.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { reviewAnnotation } from "@/lib/reviews/service";
import { loadReportData } from "@/lib/reports/service";
import { addVersion } from "@/lib/versions/service";
import { createAnnotation, createComparison, createUser } from "@/tests/support/factories";

describe("report data for versioned sources", () => {
  it("gives every quote its version date and flags findings whose quote changed since", async () => {
    const analyst = await createUser("analyst");
    const reviewer = await createUser("reviewer");
    const comparison = await createComparison({
      leftText: "At least 12 soldiers were killed near Kidal. The junta praised the instructors.",
      createdById: analyst.id,
    });
    const toll = await createAnnotation(analyst, comparison, { leftQuote: "At least 12 soldiers were killed", submit: true });
    await reviewAnnotation(reviewer, toll.id, { decision: "approve", version: toll.version });
    const stable = await createAnnotation(analyst, comparison, { kind: "note", leftQuote: "The junta praised the instructors" });
    await addVersion(analyst, comparison.left.id, {
      text: "At least 15 soldiers were killed near Kidal. The junta praised the instructors.",
    });
    const v1 = await db.sourceVersion.findFirstOrThrow({ where: { sourceId: comparison.left.id, number: 1 } });

    for (const scope of ["approved", "all"] as const) {
      const report = await loadReportData(analyst, comparison.id, { scope });
      const flagged = report.annotations.find((a) => a.id === toll.id)!;
      expect(flagged.isQuoteChangedSince).toBe(true);
      expect(flagged.passages[0]).toMatchObject({
        quotes: ["At least 12 soldiers were killed"],
        quoteVersions: [
          { versionNumber: 1, versionDate: v1.createdAt, isChangedSince: true, currentWording: "At least 15 soldiers were killed" },
        ],
      });
      expect(flagged.passages[1]!.quoteVersions[0]).toMatchObject({ versionNumber: 1, isChangedSince: false, currentWording: null });
      if (scope === "all") expect(report.annotations.find((a) => a.id === stable.id)!.isQuoteChangedSince).toBe(false);
    }
  });
});
