// A suggestion's stable key: the same sources, offsets and kind give the same
// key after any recomputation, so a dismissal can be remembered.
import { createHash } from "node:crypto";

import type { SuggestionKind, SuggestionSpan } from "./types";

export function suggestionKey(kind: SuggestionKind, spans: readonly SuggestionSpan[]): string {
  const material = [kind, ...spans.map((span) => `${span.sourceId}:${span.start}-${span.end}`)].join("|");
  return createHash("sha256").update(material).digest("hex").slice(0, 32);
}
