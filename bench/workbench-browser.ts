// Bundled by bench/workbench.bench.ts into a static page: renders the two
// texts the way SourceColumn does (one <p data-start> per paragraph), then
// times the real path from annotation data to painted highlights and drawn
// connectors — placeAnnotations (re-anchoring), paintHighlights,
// layoutConnectors — until two animation frames have passed.

import { splitParagraphs } from "@/lib/anchoring/paragraphs";
import { connectorPath, layoutConnectors } from "@/components/workbench/connector-layout";
import { clearHighlights, paintHighlights } from "@/components/workbench/highlights";
import { placeAnnotations } from "@/lib/anchoring/placement";
import { buildTextIndex } from "@/components/workbench/text-dom";
import { PAINT_MARGIN, visibleWindows } from "@/components/workbench/viewport";

import type { BenchData } from "./workbench-data";

export type BrowserFigures = {
  renderTextMs: number;
  anchorMs: number;
  paintMs: number;
  connectorsMs: number;
  firstFrameMs: number;
  secondFrameMs: number;
  totalMs: number;
  highlightRanges: number;
  connectors: number;
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function renderText(root: HTMLElement, text: string): ReturnType<typeof splitParagraphs> {
  const paragraphs = splitParagraphs(text);
  root.replaceChildren(
    ...paragraphs.map((paragraph) => {
      const p = document.createElement("p");
      p.dataset.start = String(paragraph.start);
      p.textContent = paragraph.text;
      return p;
    }),
  );
  return paragraphs;
}

async function runBench(data: BenchData): Promise<BrowserFigures> {
  clearHighlights();
  const leftRoot = document.querySelector<HTMLElement>("[data-text-root=left]")!;
  const rightRoot = document.querySelector<HTMLElement>("[data-text-root=right]")!;
  const svg = document.querySelector<SVGSVGElement>("svg[data-testid=connector-gutter]")!;

  const t0 = performance.now();
  const leftIndex = buildTextIndex(leftRoot, renderText(leftRoot, data.left.text));
  const rightIndex = buildTextIndex(rightRoot, renderText(rightRoot, data.right.text));
  await nextFrame();
  await nextFrame();

  const t1 = performance.now();
  const texts = new Map([
    [data.left.id, data.left.text],
    [data.right.id, data.right.text],
  ]);
  const { placed } = placeAnnotations(data.annotations, texts);
  const t2 = performance.now();
  const indexes = new Map([
    [data.left.id, leftIndex],
    [data.right.id, rightIndex],
  ]);
  paintHighlights({ annotations: placed, indexes, selectedId: null, windows: visibleWindows(indexes, PAINT_MARGIN) });
  const t3 = performance.now();
  const box = svg.getBoundingClientRect();
  const connectors = layoutConnectors({
    annotations: placed,
    leftSourceId: data.left.id,
    rightSourceId: data.right.id,
    leftIndex,
    rightIndex,
    box,
  });
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren(
    ...connectors.map((c) => {
      const path = document.createElementNS(ns, "path");
      path.setAttribute("d", connectorPath(c, box.width));
      path.setAttribute("stroke", c.kind === "agreement" ? "#0f9d58" : "#d93025");
      path.setAttribute("fill", "none");
      return path;
    }),
  );
  const t4 = performance.now();
  await nextFrame();
  const frame1 = performance.now();
  await nextFrame();
  const t5 = performance.now();

  let highlightRanges = 0;
  CSS.highlights.forEach((highlight) => (highlightRanges += highlight.size));
  return {
    renderTextMs: t1 - t0,
    anchorMs: t2 - t1,
    paintMs: t3 - t2,
    connectorsMs: t4 - t3,
    firstFrameMs: frame1 - t4,
    secondFrameMs: t5 - frame1,
    totalMs: t5 - t1,
    highlightRanges,
    connectors: connectors.length,
  };
}

(window as unknown as { runBench: typeof runBench }).runBench = runBench;
