// Shared finishing of an item read from a file: the rationale, tags and kind
// as Parallax allows them, with a warning for everything changed on the way.

import { kindRules } from "@/lib/annotations/kinds";
import { annotationKinds, MAX_RATIONALE, MAX_SPANS, MAX_TAG_LENGTH, MAX_TAGS, type AnnotationKind } from "@/lib/annotations/schemas";

import type { ImportItem, ImportTarget } from "./types";

export const PLACEHOLDER_RATIONALE = "Imported without a comment.";

export function isKind(value: unknown): value is AnnotationKind {
  return typeof value === "string" && (annotationKinds as readonly string[]).includes(value);
}

export function asList(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

export function asString(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function cleanTags(raw: readonly string[], warnings: string[]): string[] {
  const tags: string[] = [];
  for (const value of raw) {
    const tag = value.trim();
    if (!tag || tags.includes(tag)) continue;
    if (tag.length > MAX_TAG_LENGTH)
      warnings.push(`Tag "${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters and was left out.`);
    else if (tags.length >= MAX_TAGS) warnings.push(`Only the first ${MAX_TAGS} tags were kept.`);
    else tags.push(tag);
  }
  return [...new Set(tags)];
}

type Draft = Omit<ImportItem, "rationale" | "tags" | "kind" | "rejection"> & {
  rationaleParts: string[];
  rawTags: string[];
  statedKind: AnnotationKind | null;
  rejection?: string | null;
};

function passageCount(targets: readonly ImportTarget[]): number {
  return targets.filter((target) => target.quote || target.position).length;
}

/** Rationale, tags and kind as Parallax takes them; a rejection when the item cannot become an annotation. */
export function finishItem(draft: Draft): ImportItem {
  const { rationaleParts, rawTags, statedKind, ...rest } = draft;
  const warnings = [...draft.warnings];
  let rationale = rationaleParts
    .map((part) => part.trim())
    .filter(Boolean)
    .join("\n\n");
  let rejection = draft.rejection ?? null;
  if (!rationale) {
    rationale = PLACEHOLDER_RATIONALE;
    warnings.push("It has no comment; the rationale says so.");
  } else if (rationale.length > MAX_RATIONALE) {
    rejection ??= `Its comment is longer than ${MAX_RATIONALE.toLocaleString("en")} characters.`;
  }
  const passages = passageCount(draft.targets);
  if (!rejection && passages === 0) rejection = "It selects no passage (a page note or a whole-document annotation).";
  if (!rejection && draft.targets.length > MAX_SPANS) rejection = `It has ${draft.targets.length} passages; at most ${MAX_SPANS}.`;
  let kind = statedKind;
  if (!kind && passages === 1) kind = "note";
  if (!rejection && !kind) {
    rejection = `It links ${passages} passages but does not say whether they agree or contradict (state "agreement" or "contradiction" in a classifying body).`;
  }
  if (!rejection && kind && kindRules[kind].exactSpans !== undefined && passages !== kindRules[kind].exactSpans) {
    rejection = kindRules[kind].message;
  }
  return { ...rest, kind, rationale, tags: cleanTags(rawTags, warnings), rejection, warnings };
}
