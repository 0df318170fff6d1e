// One row of a Hypothesis API search result (`GET /api/search` → `rows[]`) as
// an import item: a note on the passage its selectors describe, with the
// annotation's text as the rationale and its tags. Replies and page notes
// select no passage and are reported, not imported.

import { asList, asString, finishItem } from "./items";
import { parseSelectors, type FieldErrorSink } from "./selectors";
import type { ImportItem, ImportTarget } from "./types";

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** "acct:jane@hypothes.is" → "jane@hypothes.is". */
function userOf(value: unknown): string | null {
  const user = asString(value);
  return user ? user.replace(/^acct:/, "") : null;
}

export function readHypothesisRow(raw: unknown, index: number, path: string, fail: FieldErrorSink): ImportItem | null {
  if (!isObject(raw)) {
    fail(path, "A row must be a JSON object.");
    return null;
  }
  if (!Array.isArray(raw.target)) {
    fail(`${path}.target`, "A Hypothesis row must have a target list.");
    return null;
  }
  const warnings: string[] = [];
  const targets: ImportTarget[] = raw.target.map((target, i) => {
    const at = `${path}.target.${i}`;
    if (!isObject(target)) {
      fail(at, "A target must be a JSON object.");
      return { sourceIri: null, cachedIri: null, quote: null, position: null };
    }
    const selectors = parseSelectors(target.selector, `${at}.selector`, fail);
    if (selectors.unknownTypes.length > 0 && (selectors.quote || selectors.position)) {
      warnings.push(`Selector type ${selectors.unknownTypes.join(", ")} was not read.`);
    }
    return { sourceIri: asString(target.source), cachedIri: null, quote: selectors.quote, position: selectors.position };
  });
  const isReply = asList(raw.references).length > 0;
  return finishItem({
    index,
    origin: {
      format: "hypothesis",
      id: asString(raw.id),
      creator: userOf(raw.user),
      created: asString(raw.created),
      uri: asString(raw.uri) ?? targets[0]?.sourceIri ?? null,
    },
    statedKind: "note",
    rationaleParts: [asString(raw.text) ?? ""],
    rawTags: asList(raw.tags).filter((tag): tag is string => typeof tag === "string"),
    confidence: null,
    credibility: null,
    targets,
    warnings,
    rejection: isReply ? "It is a reply to another annotation." : null,
  });
}
