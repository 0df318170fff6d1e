// The shapes POST /api/v1/comparisons/:id/imports accepts, for the API
// reference. The reader (read-document.ts) checks the same selector schemas.
import { z } from "@/lib/zod";

import { rangeSelectorSchema, textPositionSelectorSchema, textQuoteSelectorSchema } from "./selectors";

const selector = z.union([textQuoteSelectorSchema, textPositionSelectorSchema, rangeSelectorSchema]);
const selectors = z.union([selector, z.array(selector)]);
const w3cTarget = z.union([
  z.string().describe("A whole document (cannot be anchored)"),
  z.looseObject({ type: z.literal("SpecificResource").optional(), source: z.string(), selector: selectors }),
]);

export const w3cAnnotationSchema = z
  .looseObject({
    type: z.union([z.literal("Annotation"), z.array(z.string())]),
    id: z.string().optional(),
    motivation: z.union([z.string(), z.array(z.string())]).optional(),
    bodyValue: z.string().optional(),
    body: z.unknown().optional().describe("TextualBody objects: commenting/describing → rationale, tagging → tags, classifying → kind"),
    target: z.union([w3cTarget, z.array(w3cTarget)]),
    "parallax:kind": z.enum(["agreement", "contradiction", "note"]).optional(),
  })
  .describe("A W3C Web Annotation");

export const importDocumentSchema = z.union([
  w3cAnnotationSchema,
  z.array(w3cAnnotationSchema),
  z.looseObject({ type: z.literal("AnnotationPage"), items: z.array(w3cAnnotationSchema) }).describe("W3C AnnotationPage"),
  z
    .looseObject({
      type: z.literal("AnnotationCollection"),
      first: z.looseObject({ type: z.literal("AnnotationPage"), items: z.array(w3cAnnotationSchema) }),
    })
    .describe("W3C AnnotationCollection with its pages embedded"),
  z
    .looseObject({
      total: z.number().optional(),
      rows: z.array(
        z.looseObject({
          id: z.string(),
          uri: z.string().optional(),
          text: z.string().optional(),
          tags: z.array(z.string()).optional(),
          target: z.array(z.looseObject({ source: z.string().optional(), selector: z.array(selector).optional() })),
        }),
      ),
    })
    .describe("Hypothesis API search result"),
]);
