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
  // Element containers (paragraph wrappers, the text root): a boundary before child `offset`.
  const element = node as Element;
  if (element.hasAttribute?.("data-start")) {
    const i = index.nodes.indexOf(element.firstChild as Text);
    const paragraph = index.paragraphs[i];
    return paragraph ? (offset === 0 ? paragraph.start : paragraph.end) : null;
  }
  const paragraphIn = (n: Node | null | undefined, isLast: boolean): Element | null => {
    if (!(n instanceof Element)) return null;
    if (n.hasAttribute("data-start")) return n;
    const all = n.querySelectorAll("[data-start]");
    return (isLast ? all[all.length - 1] : all[0]) ?? null;
  };
  for (let i = offset; i < element.childNodes.length; i++) {
    const next = paragraphIn(element.childNodes[i], false);
    if (next) return Number(next.getAttribute("data-start"));
  }
  for (let i = Math.min(offset, element.childNodes.length) - 1; i >= 0; i--) {
    const previous = paragraphIn(element.childNodes[i], true);
    const at = previous ? index.nodes.indexOf(previous.firstChild as Text) : -1;
    if (at >= 0) return index.paragraphs[at]!.end;
  }
  const own = paragraphIn(element.closest("[data-paragraph]"), false);
  if (own) return Number(own.getAttribute("data-start"));
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
