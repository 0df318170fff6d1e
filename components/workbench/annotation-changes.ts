import { kindLabel } from "@/lib/annotations/state";
import type { AnnotationView } from "@/lib/annotations/views";

import type { ComposerState } from "./composer";

// What an edit changed, in words, for "Resubmitted: rationale and passage in
// B changed" and for the list the composer shows next to a reviewer's request.

export function describeChanges(
  before: AnnotationView,
  after: Pick<ComposerState, "kind" | "spans" | "rationale" | "confidence" | "credibility" | "tags">,
  sourceLabel: (sourceId: string) => string,
): string[] {
  const changes: string[] = [];
  if (before.kind !== after.kind) changes.push(`kind (now ${kindLabel[after.kind].toLowerCase()})`);
  if (before.rationale.trim() !== after.rationale.trim()) changes.push("rationale");
  const key = (s: { sourceId: string; start: number; end: number }) => `${s.sourceId}:${s.start}:${s.end}`;
  const beforeKeys = new Set(before.spans.map(key));
  const afterKeys = new Set(after.spans.map(key));
  const changedSources = new Set<string>();
  for (const span of before.spans) if (!afterKeys.has(key(span))) changedSources.add(span.sourceId);
  for (const span of after.spans) if (!beforeKeys.has(key(span))) changedSources.add(span.sourceId);
  for (const sourceId of changedSources) changes.push(`passage in ${sourceLabel(sourceId)}`);
  if (before.confidence !== after.confidence) changes.push("confidence");
  if (before.credibility !== after.credibility) changes.push("credibility");
  const tags = (list: readonly string[]) =>
    [...list]
      .map((t) => t.trim())
      .filter(Boolean)
      .sort()
      .join(",");
  const afterTags = typeof after.tags === "string" ? after.tags.split(",") : after.tags;
  if (tags(before.tags) !== tags(afterTags)) changes.push("tags");
  return changes;
}

export function changeSentence(changes: string[]): string {
  if (changes.length === 0) return "nothing changed";
  if (changes.length === 1) return `${changes[0]} changed`;
  return `${changes.slice(0, -1).join(", ")} and ${changes.at(-1)} changed`;
}
