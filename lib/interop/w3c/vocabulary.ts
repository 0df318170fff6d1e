// Terms of the W3C Web Annotation Vocabulary that Parallax writes and reads,
// and the Parallax extension: one namespaced prefix (`parallax:`) declared in
// the JSON-LD context next to the W3C one, so every extension property
// expands to an IRI under PARALLAX_NAMESPACE and generic consumers can ignore
// it safely. README "W3C Web Annotation" documents each property.

import type { AnnotationKind } from "@/lib/annotations/schemas";

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
export const PARALLAX_NAMESPACE = "https://parallax.app/ns/annotation#";

/** The @context of every document Parallax exports: the W3C context first, then the extension prefix. */
export const EXPORT_CONTEXT = [ANNO_CONTEXT, { parallax: PARALLAX_NAMESPACE }] as const;

/** The media type the Web Annotation Protocol gives annotation documents. */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

/** Notes comment on one passage; agreements and contradictions link passages. */
export const motivationOf: Record<AnnotationKind, "commenting" | "linking"> = {
  agreement: "linking",
  contradiction: "linking",
  note: "commenting",
};

/** The motivations the W3C vocabulary defines (section 3.3.5 of the model). */
export const w3cMotivations = [
  "assessing",
  "bookmarking",
  "classifying",
  "commenting",
  "describing",
  "editing",
  "highlighting",
  "identifying",
  "linking",
  "moderating",
  "questioning",
  "replying",
  "tagging",
] as const;

export const EXTENSION_TERMS = {
  kind: "parallax:kind",
  status: "parallax:status",
  confidence: "parallax:confidence",
  credibility: "parallax:credibility",
  version: "parallax:version",
  needsRecheck: "parallax:needsRecheck",
  submitted: "parallax:submitted",
  decided: "parallax:decided",
  reviews: "parallax:reviews",
  decision: "parallax:decision",
  comment: "parallax:comment",
  annotationVersion: "parallax:annotationVersion",
  sourceLabel: "parallax:sourceLabel",
  sourceTitle: "parallax:sourceTitle",
  reliability: "parallax:reliability",
  reliabilityNote: "parallax:reliabilityNote",
  anchorStatus: "parallax:anchorStatus",
  sources: "parallax:sources",
} as const;
