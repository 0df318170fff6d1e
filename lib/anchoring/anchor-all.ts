// Re-anchors every span of a text at once. Edits shift all later spans by the
// same amount, so spans are visited in document order and each one is first
// tried at its old start plus the shift of the span before it: after an edit
// near the start, thousands of spans resolve by one string comparison each and
// only those touching the edit pay for a search.

import { anchorSpan, type AnchorOptions, type AnchorResult } from "./anchor";
import type { Selector } from "./quote";

export function anchorAll(text: string, selectors: readonly Selector[], options: Omit<AnchorOptions, "hint"> = {}): AnchorResult[] {
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a]!.start - selectors[b]!.start);
  const results = new Array<AnchorResult>(selectors.length);
  let shift = 0;
  const spanOptions: AnchorOptions = { ...options };
  for (const i of order) {
    const selector = selectors[i]!;
    spanOptions.hint = selector.start + shift;
    const result = anchorSpan(text, selector, spanOptions);
    if (result.status !== "orphan") shift = result.start - selector.start;
    results[i] = result;
  }
  return results;
}
