// Splits normalized text into paragraphs while keeping each paragraph's
// offset, so the client can map text offsets to DOM positions and back.

export type Paragraph = { start: number; end: number; text: string };

export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n{2,}/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    const end = match.index;
    if (end > start) paragraphs.push({ start, end, text: text.slice(start, end) });
    start = end + match[0].length;
  }
  if (start < text.length) paragraphs.push({ start, end: text.length, text: text.slice(start) });
  return paragraphs;
}

/** Index of the paragraph containing `offset`, or the next one when it falls in a gap. */
export function paragraphIndexAt(paragraphs: Paragraph[], offset: number): number {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (paragraphs[mid]!.end < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
