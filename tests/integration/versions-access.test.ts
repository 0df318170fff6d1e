// Who may add versions: the person who imported the source, and admins.
// Everyone else reads versions and diffs. Only admins run Check all sources.
import { describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { untrustedInput } from "@/lib/validation";
import { startSourceCheck } from "@/lib/versions/check-service";
import { addVersion, diffVersions, getVersion, listVersions } from "@/lib/versions/service";
import { createComparison, createUser } from "@/tests/support/factories";

import { refused } from "./annotations-helpers";

const TEXT = "Wagner fighters left Mali in June.\n\nRussia stays through the Africa Corps.";

async function importedBy(role: "analyst" | "reviewer") {
  const owner = await createUser(role);
  const comparison = await createComparison({ leftText: TEXT, createdById: owner.id });
  return { owner, sourceId: comparison.left.id };
}

describe("permissions on source versions", () => {
  it("lets the importer and admins add versions, and refuses other analysts and reviewers with 403, storing nothing", async () => {
    const { owner, sourceId } = await importedBy("analyst");
    const [analyst, reviewer, admin] = await Promise.all([createUser("analyst"), createUser("reviewer"), createUser("admin")]);
    await refused(addVersion(analyst, sourceId, { text: `${TEXT} More.` }), "forbidden");
    await refused(addVersion(reviewer, sourceId, { text: `${TEXT} More.` }), "forbidden");
    expect(await db.sourceVersion.count({ where: { sourceId } })).toBe(1);

    expect(await addVersion(owner, sourceId, { text: `${TEXT} More.` })).toMatchObject({ changed: true, version: { number: 2 } });
    expect(await addVersion(admin, sourceId, { text: `${TEXT} Even more.` })).toMatchObject({ changed: true, version: { number: 3 } });
  });

  it("lets a reviewer who imported a source add versions of it", async () => {
    const { owner, sourceId } = await importedBy("reviewer");
    expect(await addVersion(owner, sourceId, { text: `${TEXT} More.` })).toMatchObject({ changed: true });
  });

  it("lets every role read versions and diffs", async () => {
    const { owner, sourceId } = await importedBy("analyst");
    await addVersion(owner, sourceId, { text: `${TEXT} More.` });
    const reviewer = await createUser("reviewer");
    expect((await listVersions(reviewer, sourceId)).map((v) => v.number)).toEqual([2, 1]);
    expect((await getVersion(reviewer, sourceId, 1)).text).toBe(TEXT);
    expect((await diffVersions(reviewer, sourceId, "1", "2")).stats.insertedWords).toBe(1);
    await refused(getVersion(reviewer, sourceId, 9), "not_found");
    await refused(getVersion(reviewer, sourceId, "two"), "not_found");
  });

  it("validates the body: one kind of content, refetch only with a URL", async () => {
    const { owner, sourceId } = await importedBy("analyst");
    const noUrl = await refused(addVersion(owner, sourceId, { refetch: true }), "unprocessable");
    expect(noUrl.errors).toEqual({ refetch: "The source has no URL." });
    const both = await refused(addVersion(owner, sourceId, { refetch: true, text: "x" }), "unprocessable");
    expect(both.errors).toHaveProperty("refetch");
    await refused(addVersion(owner, sourceId, { text: "a", html: "<p>b</p>" }), "unprocessable");
    await refused(addVersion(owner, sourceId, untrustedInput({ body: "x" })), "bad_request");
    await refused(addVersion(owner, sourceId, { text: "   " }), "unprocessable");
    expect(await db.sourceVersion.count({ where: { sourceId } })).toBe(1);
  });

  it("lets only admins start Check all sources", async () => {
    for (const role of ["analyst", "reviewer"] as const) await refused(startSourceCheck(await createUser(role)), "forbidden");
  });
});
