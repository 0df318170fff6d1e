import { expect, type APIRequestContext, type Page } from "@playwright/test";

// Helpers for the workbench e2e tests: comparisons built through the API
// (sources of news-like text, annotations linking random passages), and an
// in-page check of what the workbench painted in view.

export type Span = { sourceId: string; start: number; end: number; exact: string };
export type Annotation = { id: string; kind: string; status: string; version: number; rationale: string; spans: Span[] };
export type Source = { id: string; label: string; title: string; text: string };
export type Comparison = { id: string; title: string; sources: Source[]; annotations: Annotation[] };

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const who = ["The minister", "A spokesperson", "Local officials", "Witnesses", "The governor", "Residents", "The army", "Analysts"];
const did = ["said that", "denied that", "confirmed that", "reported that", "claimed that", "doubted that"];
const what = ["the convoy left", "prices rose", "the border reopened", "talks stalled", "the mine closed", "fighters returned"];
const where = ["near Kidal", "in Gao", "north of Timbuktu", "in the capital", "along the river", "at the airport"];
const when = ["on Monday", "last week", "in June", "before dawn", "after the vote", "on Friday night"];

/** Deterministic news-like text of about `words` words in paragraphs of 3–6 sentences. */
export function newsText(words: number, seed: number): string {
  const random = prng(seed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => {
      const n = 2 + Math.floor(random() * 900);
      return `${pick(who)} ${pick(did)} ${pick(what)} ${pick(where)} ${pick(when)}, with ${n} people involved.`;
    });
    count += sentences.join(" ").split(" ").length;
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

export async function loadComparison(request: APIRequestContext, id: string): Promise<Comparison> {
  const response = await request.get(`/api/v1/comparisons/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as Comparison;
}

/** A comparison of `count` new sources, each about `words` words long. */
export async function createLargeComparison(
  request: APIRequestContext,
  options: { count?: number; words: number; seed: number; title: string },
) {
  const ids: string[] = [];
  for (let i = 0; i < (options.count ?? 2); i++) {
    const response = await request.post("/api/v1/sources", {
      data: { title: `${options.title} — source ${String.fromCharCode(65 + i)}`, text: newsText(options.words, options.seed + i) },
    });
    expect(response.status(), await response.text()).toBe(201);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const response = await request.post("/api/v1/comparisons", { data: { title: options.title, sourceIds: ids } });
  expect(response.status(), await response.text()).toBe(201);
  return loadComparison(request, ((await response.json()) as { id: string }).id);
}

export function spanOf(source: Source, exact: string, from = 0): Span {
  const start = source.text.indexOf(exact, from);
  expect(start, `“${exact}” in ${source.title}`).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, start, end: start + exact.length, exact };
}

/** A passage of 3–12 whole words at a random place in the source. */
export function randomSpan(source: Source, random: () => number): Span {
  const text = source.text;
  let start = Math.floor(random() * (text.length - 200));
  while (start > 0 && !/\s/.test(text[start - 1]!)) start++;
  let end = start;
  const words = 3 + Math.floor(random() * 10);
  for (let i = 0; i < words && end < text.length; i++) {
    end++;
    while (end < text.length && !/\s/.test(text[end]!)) end++;
  }
  // As a selection would be: no white space (or paragraph break) at either end.
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { sourceId: source.id, start, end, exact: text.slice(start, end) };
}

export async function createAnnotation(
  request: APIRequestContext,
  comparisonId: string,
  body: { kind: string; rationale: string; spans: Span[]; submit?: boolean; tags?: string[]; credibility?: number },
): Promise<Annotation> {
  const response = await request.post(`/api/v1/comparisons/${comparisonId}/annotations`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as Annotation;
}

/** `count` links between random passages of the first two sources (and some notes), created through the API. */
export async function createRandomAnnotations(request: APIRequestContext, comparison: Comparison, count: number, seed: number) {
  const random = prng(seed);
  const [a, b] = comparison.sources;
  const created: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const isNote = i % 7 === 6;
    const kind = isNote ? "note" : i % 2 ? "agreement" : "contradiction";
    const spans = isNote ? [randomSpan(i % 2 ? a! : b!, random)] : [randomSpan(a!, random), randomSpan(b!, random)];
    created.push(await createAnnotation(request, comparison.id, { kind, rationale: `Random link ${i}`, spans, submit: i % 3 === 0 }));
  }
  return created;
}

/** Waits until the workbench has drawn a frame after the last scroll. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // A scroll draws one frame; when nothing moved, there is no frame to wait for.
        const t0 = performance.now();
        const tick = () => {
          const drawn = ((window as unknown as { __workbenchFrameAt?: number }).__workbenchFrameAt ?? 0) > t0;
          if (drawn || performance.now() - t0 > 400) requestAnimationFrame(() => resolve());
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

export type ViewCheck = {
  highlights: { painted: string[]; expected: string[] };
  connectors: { painted: string[]; expected: string[] };
  dotsOutsideText: number;
  edgeCounts: number;
};

/**
 * What is painted in view against what should be: highlights (kind + passage)
 * whose boxes meet a column's text area, and connectors whose first passage on
 * either side has its first line's centre inside the text area. Passages
 * within 3 px of an edge are left out of both lists (sub-pixel rounding).
 */
export async function checkView(page: Page, annotations: Annotation[]): Promise<ViewCheck> {
  return page.evaluate((list) => {
    const sections = [...document.querySelectorAll<HTMLElement>("section[data-column]")];
    const columns = sections.map((section) => ({
      sourceId: section.dataset.source!,
      scroller: section.querySelector<HTMLElement>("[data-scroll-side]")!,
      root: section.querySelector<HTMLElement>("[data-text-root]")!,
    }));
    const paragraphs = columns.map((c) => [...c.root.querySelectorAll<HTMLElement>("p[data-start]")]);
    const rangeOf = (column: number, start: number, end: number) => {
      const ps = paragraphs[column]!;
      const find = (offset: number, isEnd: boolean) => {
        let at = 0;
        for (let i = 0; i < ps.length; i++) if (Number(ps[i]!.dataset.start) <= offset - (isEnd ? 1 : 0)) at = i;
        const p = ps[at]!;
        const node = p.firstChild as Text;
        return [node, Math.max(0, Math.min(node.length, offset - Number(p.dataset.start)))] as const;
      };
      const range = document.createRange();
      range.setStart(...find(start, false));
      range.setEnd(...find(end, true));
      return range;
    };
    const boxes = columns.map((c) => c.scroller.getBoundingClientRect());
    const meets = (range: Range, box: DOMRect) => [...range.getClientRects()].some((r) => r.bottom > box.top + 3 && r.top < box.bottom - 3);
    const nearEdge = (range: Range, box: DOMRect) =>
      [...range.getClientRects()].some((r) => Math.abs(r.bottom - box.top) <= 3 || Math.abs(r.top - box.bottom) <= 3);
    const centre = (range: Range) => {
      const r = range.getClientRects()[0];
      return r ? r.top + r.height / 2 : NaN;
    };

    const painted = new Set<string>();
    CSS.highlights.forEach((highlight, name) => {
      const kind = /^pa-(agreement|contradiction|note)-/.exec(name)?.[1];
      if (!kind) return;
      highlight.forEach((value) => {
        const range = value as Range;
        const column = columns.findIndex((c) => c.root.contains(range.startContainer));
        if (column < 0 || !meets(range, boxes[column]!) || nearEdge(range, boxes[column]!)) return;
        const start = Number((range.startContainer.parentElement as HTMLElement).dataset.start) + range.startOffset;
        const end = Number((range.endContainer.parentElement as HTMLElement).dataset.start) + range.endOffset;
        painted.add(`${kind} ${columns[column]!.sourceId}:${start}-${end}`);
      });
    });
    const expected = new Set<string>();
    for (const annotation of list) {
      for (const span of annotation.spans) {
        const column = columns.findIndex((c) => c.sourceId === span.sourceId);
        if (column < 0) continue;
        const range = rangeOf(column, span.start, span.end);
        if (meets(range, boxes[column]!) && !nearEdge(range, boxes[column]!))
          expected.add(`${annotation.kind} ${span.sourceId}:${span.start}-${span.end}`);
      }
    }

    type Frame = {
      connectors: Array<{ id: string; y1: number; y2: number; isIn1: boolean; isIn2: boolean }>;
      edges: Array<{ count: number }>;
    };
    const drawn: string[] = [];
    const wanted: string[] = [];
    let dotsOutsideText = 0;
    let edgeCounts = 0;
    document.querySelectorAll<HTMLCanvasElement>("canvas[data-gutter]").forEach((canvas) => {
      const g = Number(canvas.dataset.gutter);
      const frame = (canvas as HTMLCanvasElement & { gutterFrame?: Frame }).gutterFrame;
      const canvasBox = canvas.getBoundingClientRect();
      const [left, right] = [g, g + 1];
      for (const edge of frame?.edges ?? []) edgeCounts += edge.count;
      const ambiguous = new Set<string>();
      for (const annotation of list) {
        const a = annotation.spans.find((s) => s.sourceId === columns[left]?.sourceId);
        const b = annotation.spans.find((s) => s.sourceId === columns[right]?.sourceId);
        if (!a || !b) continue;
        const ya = centre(rangeOf(left, a.start, a.end));
        const yb = centre(rangeOf(right, b.start, b.end));
        const inA = ya >= boxes[left]!.top && ya <= boxes[left]!.bottom;
        const inB = yb >= boxes[right]!.top && yb <= boxes[right]!.bottom;
        const close = (y: number, box: DOMRect) => Math.abs(y - box.top) < 3 || Math.abs(y - box.bottom) < 3;
        if (close(ya, boxes[left]!) || close(yb, boxes[right]!)) ambiguous.add(annotation.id);
        else if (inA || inB) wanted.push(`${g}:${annotation.id}`);
      }
      for (const connector of frame?.connectors ?? []) {
        if (!ambiguous.has(connector.id)) drawn.push(`${g}:${connector.id}`);
        // An end dot is drawn only for an end in view, and must sit beside the text, never beside a title.
        if (
          connector.isIn1 &&
          (canvasBox.top + connector.y1 < boxes[left]!.top - 1 || canvasBox.top + connector.y1 > boxes[left]!.bottom + 1)
        )
          dotsOutsideText++;
        if (
          connector.isIn2 &&
          (canvasBox.top + connector.y2 < boxes[right]!.top - 1 || canvasBox.top + connector.y2 > boxes[right]!.bottom + 1)
        )
          dotsOutsideText++;
      }
    });
    return {
      highlights: { painted: [...painted].sort(), expected: [...expected].sort() },
      connectors: { painted: drawn.sort(), expected: wanted.sort() },
      dotsOutsideText,
      edgeCounts,
    };
  }, annotations);
}

/** Scrolls column `position` so `fraction` of its text lies above the view. */
export async function scrollColumn(page: Page, position: number, fraction: number): Promise<void> {
  await page.evaluate(
    ({ position, fraction }) => {
      const scroller = document.querySelector<HTMLElement>(`[data-scroll-side="${position}"]`)!;
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
    },
    { position, fraction },
  );
  await settle(page);
}

export type GutterFrameJson = {
  connectors: Array<{ id: string; kind: string; y1: number; y2: number; isIn1: boolean; isIn2: boolean }>;
  edges: Array<{ corner: string; count: number; x: number; y: number }>;
  chips: Array<{ id: string; targets: string[]; label: string; x: number; y: number; side: string }>;
};

/** What gutter `position` drew in its last frame (the canvas keeps it as a property). */
export async function gutterFrame(page: Page, position: number): Promise<GutterFrameJson | null> {
  return page.evaluate(
    (position) =>
      (document.querySelector(`canvas[data-gutter="${position}"]`) as (HTMLCanvasElement & { gutterFrame?: GutterFrameJson }) | null)
        ?.gutterFrame ?? null,
    position,
  );
}

/** Clicks gutter `position` at (x, y) in its own coordinates. */
export async function clickGutter(page: Page, position: number, x: number, y: number): Promise<void> {
  const box = (await page.locator(`canvas[data-gutter="${position}"]`).boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}
