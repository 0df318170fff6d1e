import { describe, expect, it } from "vitest";

import type { AnnotationStatus } from "@/lib/annotations/schemas";
import { feedEventFor } from "@/lib/live/audience";
import { annotationFeed, parseNotice, type ChangeNotice } from "@/lib/live/notice";
import { presenceFor } from "@/lib/live/presence-view";
import { createSseParser, type SseMessage } from "@/lib/live/sse-parser";
import { formatSse, parseLastEventId } from "@/lib/live/sse";

const author = { id: "a0000000-0000-4000-8000-000000000001", role: "analyst" as const };
const colleague = { id: "a0000000-0000-4000-8000-000000000002", role: "analyst" as const };
const reviewer = { id: "a0000000-0000-4000-8000-000000000003", role: "reviewer" as const };
const admin = { id: "a0000000-0000-4000-8000-000000000004", role: "admin" as const };
const comparisonId = "c0000000-0000-4000-8000-000000000001";
const annotation = { id: "b0000000-0000-4000-8000-000000000001", author: { id: author.id }, version: 3 };

function notice(action: string, status: AnnotationStatus | null, previous: AnnotationStatus | null): ChangeNotice {
  return {
    seq: 42,
    action,
    entityType: "annotation",
    entityId: annotation.id,
    comparisonId,
    actorId: author.id,
    feed: annotationFeed(annotation, status, previous),
  };
}

const here = { comparisonId };
const typeFor = (n: ChangeNotice, recipient: typeof author | typeof reviewer | typeof admin) =>
  feedEventFor(n, recipient, here)?.type ?? null;

describe("who hears of an annotation change", () => {
  it("keeps a draft between its author and admins", () => {
    const created = notice("annotation.create", "draft", null);
    expect([author, colleague, reviewer, admin].map((r) => typeFor(created, r))).toEqual(["annotation", null, null, "annotation"]);
  });

  it("announces a submitted annotation to everyone with its id and version only", () => {
    const submitted = notice("annotation.submit", "in_review", "draft");
    expect(feedEventFor(submitted, colleague, here)).toEqual({
      type: "annotation",
      data: { id: annotation.id, comparisonId, version: 3, action: "annotation.submit", by: author.id },
    });
  });

  it("tells those who could see it that an annotation went back to draft or was deleted", () => {
    for (const change of [
      notice("annotation.withdraw", "draft", "in_review"),
      notice("annotation.update", "draft", "approved"),
      notice("annotation.delete", null, "rejected"),
    ]) {
      expect(typeFor(change, colleague)).toBe("annotation-removed");
      expect(typeFor(change, reviewer)).toBe("annotation-removed");
    }
    expect(typeFor(notice("annotation.delete", null, "draft"), colleague)).toBeNull();
    expect(typeFor(notice("annotation.withdraw", "draft", "in_review"), author)).toBe("annotation");
  });

  it("sends changes in other comparisons to reviewers and to the author only (queue and counts)", () => {
    const elsewhere = { comparisonId: null };
    const decided = notice("annotation.request_changes", "changes_requested", "in_review");
    expect(feedEventFor(decided, author, elsewhere)?.type).toBe("annotation");
    expect(feedEventFor(decided, reviewer, elsewhere)?.type).toBe("annotation");
    expect(feedEventFor(decided, colleague, elsewhere)).toBeNull();
  });

  it("routes comments with their annotation's visibility, and comparison changes to that comparison's viewers", () => {
    const comment: ChangeNotice = {
      ...notice("comment.create", "draft", "draft"),
      entityType: "comment",
      entityId: "d0000000-0000-4000-8000-000000000001",
    };
    expect(typeFor(comment, author)).toBe("comment");
    expect(typeFor(comment, colleague)).toBeNull();
    const renamed: ChangeNotice = {
      seq: 7,
      action: "comparison.update",
      entityType: "comparison",
      entityId: comparisonId,
      comparisonId,
      actorId: admin.id,
      feed: null,
    };
    expect(feedEventFor(renamed, colleague, here)).toEqual({ type: "comparison", data: { id: comparisonId, action: "comparison.update" } });
    expect(feedEventFor(renamed, colleague, { comparisonId: null })).toBeNull();
    const userChange: ChangeNotice = { ...renamed, action: "user.update", entityType: "user", entityId: colleague.id, comparisonId: null };
    expect(feedEventFor(userChange, admin, here)).toBeNull();
    const dismissed: ChangeNotice = {
      ...renamed,
      action: "suggestion.dismiss",
      entityType: "suggestion",
      entityId: "e0000000-0000-4000-8000-000000000001",
    };
    expect(feedEventFor(dismissed, colleague, here)).toEqual({
      type: "comparison",
      data: { id: comparisonId, action: "suggestion.dismiss" },
    });
    expect(feedEventFor(dismissed, colleague, { comparisonId: null })).toBeNull();
  });
});

describe("NOTIFY payloads", () => {
  it("stay far below PostgreSQL's 8000-byte limit and parse back", () => {
    const longest = notice("comparison.source_update", "changes_requested", "changes_requested");
    const payload = JSON.stringify(longest);
    expect(Buffer.byteLength(payload)).toBeLessThan(1000);
    expect(parseNotice(payload)).toEqual(longest);
    expect(parseNotice('{"seq": 9}')).toEqual({ seq: 9 });
    expect(parseNotice("not json")).toBeNull();
    expect(parseNotice('{"seq": "9"}')).toBeNull();
  });
});

describe("Server-Sent Events framing", () => {
  it("round-trips events split across chunks, with ids, and ignores comments", () => {
    const messages: SseMessage[] = [];
    const parse = createSseParser((m) => messages.push(m));
    const text = `: heartbeat\n\n${formatSse({ type: "hello", data: { connectionId: "x" }, retryMs: 2000 })}${formatSse({ type: "annotation", data: { note: "line\nbreak" }, id: "17" })}`;
    for (let i = 0; i < text.length; i += 7) parse(text.slice(i, i + 7));
    expect(messages).toEqual([
      { type: "hello", data: '{"connectionId":"x"}', id: null },
      { type: "annotation", data: '{"note":"line\\nbreak"}', id: "17" },
    ]);
  });

  it("accepts only feed ids as Last-Event-ID", () => {
    expect(parseLastEventId("123")).toBe(123);
    expect(parseLastEventId(" 5 ")).toBe(5);
    for (const bad of [null, "", "-1", "1e9", "abc", "9".repeat(20)]) expect(parseLastEventId(bad)).toBeNull();
  });
});

describe("presence as a recipient sees it", () => {
  const rows = [
    {
      userId: author.id,
      name: "Ana",
      activity: "editing" as const,
      annotationId: annotation.id,
      annotationStatus: "draft" as const,
      annotationAuthorId: author.id,
    },
    { userId: author.id, name: "Ana", activity: "viewing" as const, annotationId: null, annotationStatus: null, annotationAuthorId: null },
    {
      userId: reviewer.id,
      name: "Rey",
      activity: "reviewing" as const,
      annotationId: "b0000000-0000-4000-8000-000000000002",
      annotationStatus: "in_review" as const,
      annotationAuthorId: colleague.id,
    },
  ];

  it("lists each person once and hides the draft someone edits from those who may not see it", () => {
    expect(presenceFor(rows, colleague)).toEqual([
      { user: { id: author.id, name: "Ana" }, annotations: [] },
      { user: { id: reviewer.id, name: "Rey" }, annotations: [{ id: "b0000000-0000-4000-8000-000000000002", activity: "reviewing" }] },
    ]);
    expect(presenceFor(rows, admin)[0]!.annotations).toEqual([{ id: annotation.id, activity: "editing" }]);
  });
});
