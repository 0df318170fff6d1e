// Re-anchors every span of a text at once. Edits shift all later spans by the
// same amount, so spans are visited in document order and each one is first
// tried at its old start plus the shift of the span before it: after an edit
// near the start, thousands of spans resolve by one string comparison each and
// only those touching an edit pay for a search. The text (and the previous
// version, when given) is normalized once, and only if some span needs it.

import { anchorIn, prepareAnchorText, type AnchorOptions, type AnchorResult } from "./anchor";
import type { Selector } from "./quote";

export function anchorAll(text: string, selectors: readonly Selector[], options: Omit<AnchorOptions, "hint"> = {}): AnchorResult[] {
  const target = prepareAnchorText(text, options);
  const order = selectors.map((_, i) => i).sort((a, b) => selectors[a]!.start - selectors[b]!.start);
  const results = new Array<AnchorResult>(selectors.length);
  let shift = 0;
  for (const i of order) {
    const selector = selectors[i]!;
    const result = anchorIn(target, selector, selector.start + shift);
    if (result.status !== "orphaned") shift = result.start - selector.start;
    results[i] = result;
  }
  return results;
}
