import { checkSpan, describeSpan, type SpanProblem } from "@/lib/anchoring/quote";
import type { AnnotationKind, SpanInput } from "@/lib/annotations/schemas";
import { AppError, type FieldErrors } from "@/lib/errors";

// Server-side checks of spans against the stored text (SPEC §2): a span must
// lie in one of the comparison's two sources and quote it exactly.

export type ComparisonTexts = { leftSourceId: string; rightSourceId: string; texts: Map<string, string> };

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

export function verifySpans(kind: AnnotationKind, spans: SpanInput[], comparison: ComparisonTexts): VerifiedSpan[] {
  const errors: FieldErrors = {};
  const verified: VerifiedSpan[] = [];
  spans.forEach((span, index) => {
    const text = comparison.texts.get(span.sourceId);
    if (text === undefined) {
      errors[`spans.${index}.sourceId`] = "This source is not part of the comparison.";
      return;
    }
    const problem = checkSpan(text, span);
    if (problem) {
      errors[`spans.${index}`] = problemMessage[problem];
      return;
    }
    verified.push({ ...describeSpan(text, span.start, span.end), sourceId: span.sourceId, position: index });
  });

  if (Object.keys(errors).length === 0) {
    const hasLeft = verified.some((s) => s.sourceId === comparison.leftSourceId);
    const hasRight = verified.some((s) => s.sourceId === comparison.rightSourceId);
    if (kind === "note" && verified.length !== 1) {
      errors.spans = "A note points to exactly one passage.";
    } else if (kind !== "note" && (!hasLeft || !hasRight)) {
      errors.spans = `An ${kind} links at least one passage in each source.`;
    }
  }

  const entries = Object.entries(errors);
  if (entries.length > 0) {
    const [field, message] = entries[0]!;
    throw new AppError("unprocessable", `${field}: ${message}`, { errors });
  }
  return verified;
}
