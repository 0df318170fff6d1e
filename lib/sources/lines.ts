/**
 * The lines of a text from `start`, one at a time (no array of every line),
 * split at every line-break convention: "\n", "\r\n", "\r", vertical tab,
 * form feed, NEL and U+2028; U+2029 separates paragraphs (an empty line
 * between). One pass over the characters.
 */
export function* linesOf(text: string, start = 0): Generator<string, void, undefined> {
  let from = start;
  for (let index = start; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // Fast rejection: every break is ≤ U+000D, U+0085, U+2028 or U+2029.
    if (code > 0x0d && code !== 0x85 && code !== 0x2028 && code !== 0x2029) continue;
    if (code === 0x0a || code === 0x0b || code === 0x0c || code === 0x85 || code === 0x2028) {
      yield text.slice(from, index);
    } else if (code === 0x0d) {
      yield text.slice(from, index);
      if (text.charCodeAt(index + 1) === 0x0a) index++;
    } else if (code === 0x2029) {
      yield text.slice(from, index);
      yield "";
    } else {
      continue;
    }
    from = index + 1;
  }
  yield text.slice(from);
}
