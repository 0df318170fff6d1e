// Offsets ⇄ DOM. Each paragraph is one <p data-start> holding exactly one text
// node whose content is the paragraph's slice of the normalized text, so a
// text offset maps to (node, offset - start) and back without walking the DOM.

import { paragraphIndexAt, type Paragraph } from "@/lib/anchoring/paragraphs";

export type TextIndex = { root: HTMLElement; paragraphs: Paragraph[]; nodes: Text[] };

export function buildTextIndex(root: HTMLElement, paragraphs: Paragraph[]): TextIndex {
  const nodes = Array.from(root.querySelectorAll<HTMLElement>("[data-start]")).map(
    (element) => (element.firstChild as Text | null) ?? element.appendChild(document.createTextNode("")),
  );
  return { root, paragraphs, nodes };
}

function pointAt(index: TextIndex, offset: number, isEnd: boolean): [Text, number] | null {
  if (index.paragraphs.length === 0) return null;
  let i = paragraphIndexAt(index.paragraphs, offset);
  let paragraph = index.paragraphs[i]!;
  // An end offset at a paragraph boundary belongs to the previous paragraph.
  if (isEnd && offset <= paragraph.start && i > 0) {
    i -= 1;
    paragraph = index.paragraphs[i]!;
  }
  const local = Math.min(Math.max(offset - paragraph.start, 0), paragraph.end - paragraph.start);
  const node = index.nodes[i];
  return node ? [node, local] : null;
}

export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | null {
  const from = pointAt(index, start, false);
  const to = pointAt(index, end, true);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  return range.collapsed ? null : range;
}

/** Text offset of a DOM point inside this column, or null when it lies elsewhere. */
export function offsetOfPoint(index: TextIndex, node: Node, offset: number): number | null {
  if (!index.root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const i = index.nodes.indexOf(node as Text);
    return i === -1 ? null : index.paragraphs[i]!.start + offset;
  }
  // Element containers: a boundary before child `offset`.
  const element = node as Element;
  const child = element.childNodes[offset];
  const paragraphOf = (n: Node | null | undefined) => (n ? (n as Element).closest?.("[data-start]") : null);
  if (element.hasAttribute?.("data-start")) {
    const i = index.nodes.indexOf(element.firstChild as Text);
    const paragraph = index.paragraphs[i];
    return paragraph ? (offset === 0 ? paragraph.start : paragraph.end) : null;
  }
  const target = paragraphOf(child) ?? (child ? child.nextSibling && paragraphOf(child.nextSibling) : null);
  if (target) return Number(target.getAttribute("data-start"));
  const last = index.paragraphs[index.paragraphs.length - 1];
  return last ? last.end : null;
}

/** The text offsets a DOM range covers inside this column, or null when it lies elsewhere. */
export function offsetsFromRange(index: TextIndex, range: Range): { start: number; end: number } | null {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = offsetOfPoint(index, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Trims surrounding white space off a selection so quotes start and end on text. */
export function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Scrolls the column holding `range` so the range sits a third of the way down. */
export function scrollIntoColumn(index: TextIndex, range: Range): void {
  const container = index.root.closest<HTMLElement>("[data-scroll-side]");
  if (!container) return;
  container.scrollTop += range.getBoundingClientRect().top - container.getBoundingClientRect().top - container.clientHeight / 3;
}
