// One Parallax annotation as a W3C Web Annotation (Data Model, W3C
// Recommendation 23 February 2017). Every MUST the model places on what we
// write is met here and checked by tests/support/w3c-musts.ts:
// absolute IRI ids, the Annotation type, 1+ targets, TextualBody with exactly
// one value, SpecificResource targets with exactly one source, selectors with
// their class, TextPositionSelector offsets in Unicode code points (Parallax
// stores UTF-16 offsets: converted per version text), dates as xsd:dateTime
// in UTC with "Z". Parallax-only facts go under the `parallax:` prefix.

import type { OffsetConverter } from "@/lib/anchoring/code-points";
import type { ParallaxIris } from "@/lib/interop/public-url";

import type { ExportAnnotation, ExportReview, ExportSource, ExportSpan } from "./types";
import { EXTENSION_TERMS as X, motivationOf } from "./vocabulary";

export type W3cObject = Record<string, unknown>;

export type W3cBuildContext = {
  iris: ParallaxIris;
  sources: ReadonlyMap<string, ExportSource>;
  /** Code-point converter for the text of a source version, by version id. */
  converterFor: (versionId: string) => OffsetConverter;
};

/** xsd:dateTime in UTC, expressed with "Z" (model 3.3.1), to the second. */
export function toW3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function agent(iris: ParallaxIris, person: { id: string; name: string }): W3cObject {
  return { id: iris.user(person.id), type: "Person", name: person.name };
}

function target(context: W3cBuildContext, span: ExportSpan): W3cObject {
  const source = context.sources.get(span.sourceId);
  const converter = context.converterFor(span.versionId);
  return {
    type: "SpecificResource",
    // The article's own URL when it has one, so other tools can anchor on the live page by quote.
    source: source?.url ?? context.iris.source(span.sourceId),
    // The quote and positions describe the normalized text of one version, kept by Parallax.
    state: {
      type: "TimeState",
      cached: context.iris.version(span.sourceId, span.version.number),
      sourceDate: toW3cDate(span.version.createdAt),
    },
    selector: [
      { type: "TextQuoteSelector", exact: span.exact, prefix: span.prefix, suffix: span.suffix },
      { type: "TextPositionSelector", start: converter.toCodePoints(span.start), end: converter.toCodePoints(span.end) },
    ],
    ...(source ? { [X.sourceLabel]: source.label, [X.sourceTitle]: source.title } : {}),
    ...(source?.reliability ? { [X.reliability]: source.reliability } : {}),
    [X.anchorStatus]: span.anchorStatus,
  };
}

function review(iris: ParallaxIris, decision: ExportReview): W3cObject {
  return {
    type: "parallax:Review",
    [X.decision]: decision.decision,
    creator: agent(iris, decision.reviewer),
    created: toW3cDate(decision.createdAt),
    [X.annotationVersion]: decision.annotationVersion,
    ...(decision.comment ? { [X.comment]: decision.comment } : {}),
  };
}

function bodies(annotation: ExportAnnotation): W3cObject[] {
  return [
    { type: "TextualBody", purpose: "commenting", value: annotation.rationale, format: "text/plain" },
    // The kind as a classifying body too, for consumers that ignore the extension.
    { type: "TextualBody", purpose: "classifying", value: annotation.kind, format: "text/plain" },
    ...annotation.tags.map((tag) => ({ type: "TextualBody", purpose: "tagging", value: tag, format: "text/plain" })),
  ];
}

export function toW3cAnnotation(context: W3cBuildContext, annotation: ExportAnnotation): W3cObject {
  const { iris } = context;
  return {
    id: iris.annotation(annotation.id),
    type: "Annotation",
    motivation: motivationOf[annotation.kind],
    created: toW3cDate(annotation.createdAt),
    modified: toW3cDate(annotation.updatedAt),
    creator: agent(iris, annotation.author),
    generator: { id: iris.software, type: "Software", name: "Parallax" },
    body: bodies(annotation),
    target: annotation.spans.map((span) => target(context, span)),
    [X.kind]: annotation.kind,
    [X.status]: annotation.status,
    [X.confidence]: annotation.confidence,
    ...(annotation.credibility === null ? {} : { [X.credibility]: annotation.credibility }),
    [X.version]: annotation.version,
    [X.needsRecheck]: annotation.spans.some((span) => span.anchorStatus !== "unchanged" && span.keptAt === null),
    ...(annotation.submittedAt ? { [X.submitted]: toW3cDate(annotation.submittedAt) } : {}),
    ...(annotation.decidedAt ? { [X.decided]: toW3cDate(annotation.decidedAt) } : {}),
    [X.reviews]: annotation.reviews.map((decision) => review(iris, decision)),
  };
}
