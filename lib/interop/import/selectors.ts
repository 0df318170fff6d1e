// Reads the selectors of one target: TextQuoteSelector and
// TextPositionSelector give the quote and a position hint; a RangeSelector is
// recognised (Hypothesis always sends one, in DOM terms: XPath containers),
// but Parallax anchors plain text, so it adds nothing the other two do not
// say. Any other type is unknown: ignored next to a usable selector, an error
// when a target has nothing else.

import { z } from "@/lib/zod";

import { IMPORT_MAX_QUOTE } from "./limits";
import type { QuoteSelector } from "./types";

export const knownSelectorTypes = ["TextQuoteSelector", "TextPositionSelector", "RangeSelector"] as const;

const text = z.string().max(IMPORT_MAX_QUOTE, `At most ${IMPORT_MAX_QUOTE} characters.`);

export const textQuoteSelectorSchema = z.looseObject({
  type: z.literal("TextQuoteSelector"),
  exact: text.min(1, "The quote (exact) must not be empty."),
  prefix: text.optional(),
  suffix: text.optional(),
});

export const textPositionSelectorSchema = z
  .looseObject({
    type: z.literal("TextPositionSelector"),
    start: z.number().int().min(0, "start must be a non-negative integer."),
    end: z.number().int().min(0, "end must be a non-negative integer."),
  })
  .refine((selector) => selector.end >= selector.start, { message: "end must not be before start.", path: ["end"] });

export const rangeSelectorSchema = z.looseObject({ type: z.literal("RangeSelector") });

export type ParsedSelectors = {
  quote: QuoteSelector | null;
  position: { start: number; end: number } | null;
  /** Types that were neither read nor recognised. */
  unknownTypes: string[];
  hasSelectors: boolean;
};

export type FieldErrorSink = (path: string, message: string) => void;

function typeOf(value: unknown): string | null {
  if (typeof value !== "object" || value === null) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" ? type : Array.isArray(type) && typeof type[0] === "string" ? type[0] : null;
}

export function parseSelectors(raw: unknown, path: string, fail: FieldErrorSink): ParsedSelectors {
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const parsed: ParsedSelectors = { quote: null, position: null, unknownTypes: [], hasSelectors: list.length > 0 };
  list.forEach((selector, i) => {
    const at = `${path}.${i}`;
    const type = typeOf(selector);
    const schema =
      type === "TextQuoteSelector"
        ? textQuoteSelectorSchema
        : type === "TextPositionSelector"
          ? textPositionSelectorSchema
          : type === "RangeSelector"
            ? rangeSelectorSchema
            : null;
    if (!schema) {
      parsed.unknownTypes.push(type ?? (typeof selector === "string" ? "an IRI" : "untyped"));
      return;
    }
    const result = schema.safeParse(selector);
    if (!result.success) {
      for (const issue of result.error.issues) fail([at, ...issue.path.map(String)].join("."), issue.message);
      return;
    }
    const value = result.data as Record<string, unknown>;
    if (type === "TextQuoteSelector" && !parsed.quote) {
      parsed.quote = { exact: value.exact as string, prefix: (value.prefix as string) ?? "", suffix: (value.suffix as string) ?? "" };
    }
    if (type === "TextPositionSelector" && !parsed.position) parsed.position = { start: value.start as number, end: value.end as number };
  });
  const isUsable = parsed.quote !== null || parsed.position !== null || list.some((s) => typeOf(s) === "RangeSelector");
  if (!isUsable && parsed.unknownTypes.length > 0) {
    fail(
      path,
      `Unknown selector type ${parsed.unknownTypes.map((t) => `"${t}"`).join(", ")}: Parallax reads ${knownSelectorTypes.join(", ")}.`,
    );
  }
  return parsed;
}
