import { checkSpan, describeSpan, type SpanProblem } from "@/lib/anchoring/quote";
import { kindProblem, overlappingSpanIndex } from "@/lib/annotations/kinds";
import type { AnnotationKind, SpanInput } from "@/lib/annotations/schemas";
import { AppError, type FieldErrors } from "@/lib/errors";

// Server-side checks of spans against the stored text: a span must lie in one
// of the comparison's sources, quote it exactly, and the set of spans must fit
// the kind (kinds.ts).

/** The normalized text of each source of one comparison, by source id. */
export type ComparisonTexts = ReadonlyMap<string, string>;

export type VerifiedSpan = {
  sourceId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  position: number;
};

const problemMessage: Record<SpanProblem, string> = {
  empty: "The passage is empty.",
  "out-of-range": "The passage lies outside the source text.",
  "splits-character": "The passage starts or ends inside a character.",
  "quote-mismatch": "The quoted text does not match the source at these offsets.",
};

export function verifySpans(kind: AnnotationKind, spans: SpanInput[], texts: ComparisonTexts): VerifiedSpan[] {
  const errors: FieldErrors = {};
  const verified: VerifiedSpan[] = [];
  spans.forEach((span, index) => {
    const text = texts.get(span.sourceId.toLowerCase());
    if (text === undefined) {
      errors[`spans.${index}.sourceId`] = "This source is not part of the comparison.";
      return;
    }
    const problem = checkSpan(text, span);
    if (problem) {
      errors[`spans.${index}`] = problemMessage[problem];
      return;
    }
    verified.push({ ...describeSpan(text, span.start, span.end), sourceId: span.sourceId.toLowerCase(), position: index });
  });

  if (Object.keys(errors).length === 0) {
    const overlap = overlappingSpanIndex(verified);
    const problem = kindProblem(kind, verified);
    if (overlap >= 0) errors[`spans.${overlap}`] = "This passage overlaps another passage of the same source.";
    else if (problem) errors.spans = problem;
  }

  const entries = Object.entries(errors);
  if (entries.length > 0) {
    const [field, message] = entries[0]!;
    throw new AppError("unprocessable", `${field}: ${message}`, { errors });
  }
  return verified;
}
