// One W3C Web Annotation from a file, as an import item: quote and position
// of each SpecificResource target, the rationale from commenting/describing
// TextualBodies (or bodyValue), tags from tagging bodies, the kind from the
// Parallax extension or a classifying body.

import { confidences, type AnnotationKind, type Confidence } from "@/lib/annotations/schemas";
import { isCredibility } from "@/lib/comparisons/grades";
import { PARALLAX_NAMESPACE } from "@/lib/interop/w3c/vocabulary";

import { asList, asString, finishItem, isKind } from "./items";
import { parseSelectors, type FieldErrorSink } from "./selectors";
import type { ImportItem, ImportTarget } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** A Parallax extension property, compact (`parallax:kind`) or expanded. */
function extension(node: Json, term: string): unknown {
  return node[`parallax:${term}`] ?? node[`${PARALLAX_NAMESPACE}${term}`];
}

function idOf(value: unknown): string | null {
  return asString(value) ?? (isObject(value) ? (asString(value.id) ?? asString(value["@id"])) : null);
}

function readTarget(raw: unknown, path: string, fail: FieldErrorSink, warnings: string[]): ImportTarget {
  if (!isObject(raw)) return { sourceIri: asString(raw), cachedIri: null, quote: null, position: null };
  const selectors = parseSelectors(raw.selector, `${path}.selector`, fail);
  if (selectors.unknownTypes.length > 0 && (selectors.quote || selectors.position)) {
    warnings.push(`Selector type ${selectors.unknownTypes.join(", ")} was not read.`);
  }
  const state = asList(raw.state).find(isObject);
  return {
    sourceIri: idOf(raw.source) ?? (selectors.hasSelectors ? null : idOf(raw)),
    cachedIri: state ? asString(asList(state.cached)[0]) : null,
    quote: selectors.quote,
    position: selectors.position,
  };
}

function readBodies(node: Json, warnings: string[]) {
  const rationale: string[] = [];
  const tags: string[] = [];
  let kind: AnnotationKind | null = null;
  if (typeof node.bodyValue === "string") rationale.push(node.bodyValue);
  for (const body of asList(node.body)) {
    if (!isObject(body) || typeof body.value !== "string") {
      warnings.push("A body that is not embedded text was not read.");
      continue;
    }
    const purposes = asList(body.purpose);
    if (purposes.includes("classifying") && isKind(body.value)) kind = body.value;
    else if (purposes.includes("tagging") || purposes.includes("classifying")) tags.push(body.value);
    else rationale.push(body.value);
  }
  return { rationale, tags, kind };
}

function creatorOf(value: unknown): string | null {
  const creator = asList(value)[0];
  if (isObject(creator)) return asString(creator.name) ?? asString(creator.nickname) ?? idOf(creator);
  return asString(creator);
}

export function readW3cAnnotation(raw: unknown, index: number, path: string, fail: FieldErrorSink): ImportItem | null {
  if (!isObject(raw)) {
    fail(path, "An annotation must be a JSON object.");
    return null;
  }
  const types = asList(raw.type ?? raw["@type"]);
  if (!types.includes("Annotation") && !types.includes("oa:Annotation")) {
    fail(`${path}.type`, 'Expected an annotation with type "Annotation".');
    return null;
  }
  if (raw.target === undefined) {
    fail(`${path}.target`, "An annotation must have a target.");
    return null;
  }
  const warnings: string[] = [];
  const targets = asList(raw.target).map((target, i) => readTarget(target, `${path}.target.${i}`, fail, warnings));
  const bodies = readBodies(raw, warnings);
  const statedKind = extension(raw, "kind");
  const confidence = extension(raw, "confidence");
  const credibility = extension(raw, "credibility");
  return finishItem({
    index,
    origin: {
      format: "w3c",
      id: idOf(raw),
      creator: creatorOf(raw.creator),
      created: asString(raw.created),
      uri: targets[0]?.sourceIri ?? null,
    },
    statedKind: isKind(statedKind) ? statedKind : bodies.kind,
    rationaleParts: bodies.rationale,
    rawTags: bodies.tags,
    confidence: (confidences as readonly unknown[]).includes(confidence) ? (confidence as Confidence) : null,
    credibility: typeof credibility === "number" && isCredibility(credibility) ? credibility : null,
    targets,
    warnings,
  });
}
