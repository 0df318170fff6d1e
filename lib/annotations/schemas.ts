import { safeText } from "@/lib/text/safe-text";
import { z } from "@/lib/zod";

import { credibilityGrades } from "@/lib/comparisons/grades";

export const annotationKinds = ["agreement", "contradiction", "note"] as const;
export const annotationStatuses = ["draft", "in_review", "approved", "changes_requested", "rejected"] as const;
export const confidences = ["low", "medium", "high"] as const;

export type AnnotationKind = (typeof annotationKinds)[number];
export type AnnotationStatus = (typeof annotationStatuses)[number];
export type Confidence = (typeof confidences)[number];

export const MAX_SPANS = 20;
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 50;
export const MAX_RATIONALE = 10_000;

export const spanInputSchema = z.object({
  sourceId: z.string().uuid("must be a source id"),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  exact: z.string().min(1, "must not be empty").max(100_000),
  // The server recomputes prefix and suffix from the stored text; these are accepted for
  // W3C-shaped clients and otherwise ignored.
  prefix: z.string().max(256).optional(),
  suffix: z.string().max(256).optional(),
});

const rationale = safeText().trim().min(1, "Write a rationale.").max(MAX_RATIONALE, `At most ${MAX_RATIONALE} characters.`);

const tags = z
  .array(safeText().trim().min(1, "Tags cannot be empty.").max(MAX_TAG_LENGTH, `At most ${MAX_TAG_LENGTH} characters a tag.`))
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((list) => [...new Set(list)]);

/** Admiralty information credibility 1–6; null clears it. */
const credibility = z
  .number({ error: "Use a credibility grade from 1 to 6." })
  .int("Use a credibility grade from 1 to 6.")
  .refine((value) => (credibilityGrades as readonly number[]).includes(value), "Use a credibility grade from 1 to 6.")
  .nullable();

const spans = z.array(spanInputSchema).min(1, "Select at least one passage.").max(MAX_SPANS, `At most ${MAX_SPANS} passages.`);

export const createAnnotationSchema = z.object({
  kind: z.enum(annotationKinds),
  rationale,
  confidence: z.enum(confidences).default("medium"),
  credibility: credibility.default(null),
  tags: tags.default([]),
  spans,
  submit: z.boolean().default(false),
});

export const updateAnnotationSchema = z
  .object({
    version: z.number().int().positive(),
    kind: z.enum(annotationKinds).optional(),
    rationale: rationale.optional(),
    confidence: z.enum(confidences).optional(),
    credibility: credibility.optional(),
    tags: tags.optional(),
    spans: spans.optional(),
    /** Edit, then submit for review, in one request and one transaction. */
    submit: z.boolean().default(false),
  })
  .strict();

export const versionSchema = z.object({ version: z.number().int().positive() });

export type SpanInput = z.infer<typeof spanInputSchema>;
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
