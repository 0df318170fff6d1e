// A suggestion's stable key: the same sources, offsets and kind give the same
// key after any recomputation, so a dismissal can be remembered. The passages
// are sorted first, so reordering a comparison's sources keeps every key.
import { createHash } from "node:crypto";

import type { SuggestionKind, SuggestionSpan } from "./types";

export function suggestionKey(kind: SuggestionKind, spans: readonly SuggestionSpan[]): string {
  const passages = spans.map((span) => `${span.sourceId.toLowerCase()}:${span.start}-${span.end}`).sort();
  const material = [kind, ...passages].join("|");
  return createHash("sha256").update(material).digest("hex").slice(0, 32);
}
