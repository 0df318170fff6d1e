// In-page halves of bench/workbench.bench.ts. Each function is passed to
// page.evaluate, so it must not use anything from outside its own body.

/** Installed before any page script: records long tasks and the frame after the first highlights. */
export function installProbes(): void {
  type Probe = { firstHighlightsAt: number | null; longTasks: Array<[number, number]> };
  const probe: Probe = { firstHighlightsAt: null, longTasks: [] };
  (window as unknown as { __bench: Probe }).__bench = probe;
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasks.push([e.startTime, e.duration]))).observe({
      type: "longtask",
      buffered: true,
    });
  } catch {
    // no long-task timing in this browser
  }
  const check = () => {
    if (typeof CSS !== "undefined" && "highlights" in CSS && CSS.highlights.size > 0) {
      requestAnimationFrame(() => (probe.firstHighlightsAt = performance.now()));
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** The bare reference: the same texts as plain paragraphs and the same ranges registered with the CSS Highlight API. */
export function bareReferenceHtml(
  texts: Array<Array<{ start: number; text: string }>>,
  ranges: Array<[number, number, number, number]>,
): string {
  const columns = texts
    .map(
      (paragraphs, c) =>
        `<div class="col"><div data-text-root="${c}">${paragraphs
          .map((p) => `<p data-start="${p.start}">${p.text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
          .join("")}</div></div>`,
    )
    .join("<div></div>");
  const script = `
    const t0 = performance.now();
    const ranges = ${JSON.stringify(ranges)};
    const roots = [...document.querySelectorAll("[data-text-root]")];
    const starts = roots.map((root) => [...root.querySelectorAll("p")].map((p) => [Number(p.dataset.start), p.firstChild]));
    const groups = [[], [], []];
    for (const [c, start, end, kind] of ranges) {
      const list = starts[c];
      let lo = 0, hi = list.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (list[mid][0] <= start) lo = mid; else hi = mid - 1; }
      const [base, node] = list[lo];
      const r = new Range();
      r.setStart(node, Math.min(start - base, node.length));
      r.setEnd(node, Math.min(Math.max(end - base, start - base), node.length));
      groups[kind].push(r);
    }
    ["agree", "contra", "note"].forEach((name, i) => CSS.highlights.set("bare-" + name, new Highlight(...groups[i])));
    const t1 = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__bare = { registerMs: t1 - t0, paintedAt: performance.now() }; }));
  `;
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font: 17px/2 Georgia, serif; }
    main { display: grid; grid-template-columns: 1fr 56px 1fr; height: 100vh; }
    .col { overflow-y: auto; padding: 20px 24px; }
    p { margin: 0 0 16px; max-width: 65ch; }
    ::highlight(bare-agree) { background-color: rgb(15 157 88 / 0.2); }
    ::highlight(bare-contra) { background-color: rgb(217 48 37 / 0.2); }
    ::highlight(bare-note) { background-color: rgb(26 115 232 / 0.2); }
  </style></head><body><main>${columns}</main><script>${script}</script></body></html>`;
}

/** Scrolls column `position` to `fraction` of its text; ms until the workbench has drawn that view and the frame after it ran. */
export async function jumpColumn({ position, fraction }: { position: number; fraction: number }): Promise<{ ms: number; ranges: number }> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const scroller = document.querySelector<HTMLElement>(`[data-scroll-side="${position}"]`)!;
  await frame();
  const t0 = performance.now();
  scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
  for (;;) {
    await frame();
    if (((window as unknown as { __workbenchFrameAt?: number }).__workbenchFrameAt ?? 0) > t0) break;
  }
  await frame();
  const ms = performance.now() - t0;
  const box = scroller.getBoundingClientRect();
  let ranges = 0;
  CSS.highlights.forEach((highlight) =>
    highlight.forEach((range) => {
      const rect = (range as Range).getBoundingClientRect();
      if (rect.bottom > box.top && rect.top < box.bottom && rect.left >= box.left - 1 && rect.right <= box.right + 1) ranges++;
    }),
  );
  return { ms, ranges };
}

/** Scrolls column `position` from top to bottom in `step`-pixel steps; the length of every frame. */
export async function stepScroll({ position, step }: { position: number; step: number }): Promise<number[]> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const scroller = document.querySelector<HTMLElement>(`[data-scroll-side="${position}"]`)!;
  scroller.scrollTop = 0;
  await frame();
  await frame();
  const frames: number[] = [];
  const end = scroller.scrollHeight - scroller.clientHeight;
  for (let y = step; y <= end + step; y += step) {
    scroller.scrollTop = Math.min(y, end);
    const a = await frame();
    const b = await frame();
    frames.push(b - a);
  }
  return frames;
}

/** Selects a few words in the first visible paragraph of column 0 and releases the mouse: the selection toolbar appears. */
export function selectVisibleWords(): boolean {
  const scroller = document.querySelector<HTMLElement>('[data-scroll-side="0"]')!;
  const box = scroller.getBoundingClientRect();
  const paragraph = [...scroller.querySelectorAll("p[data-start]")].find((p) => p.getBoundingClientRect().top > box.top + 10);
  const node = paragraph?.firstChild as Text | null;
  if (!node) return false;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, Math.min(40, node.length));
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  scroller.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  return true;
}

/** Clicks "Contradiction" in the selection toolbar; ms until the composer is on screen and painted. */
export async function openComposer(): Promise<number> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const button = [...document.querySelectorAll<HTMLButtonElement>('[role="toolbar"] button')].find((b) =>
    b.textContent?.includes("Contradiction"),
  );
  if (!button) throw new Error("no selection toolbar");
  const t0 = performance.now();
  button.click();
  while (!document.querySelector('[data-testid="composer"]')) await frame();
  await frame();
  return performance.now() - t0;
}

/** Types `query` into the panel's search box; ms until the list shows the filtered result and it is painted. */
export async function filterPanel(query: string): Promise<{ ms: number; count: string }> {
  const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const input = document.querySelector<HTMLInputElement>("#filter-query")!;
  const status = document.querySelector('[data-testid="annotation-count"]')!;
  const before = status.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  const t0 = performance.now();
  setValue.call(input, query);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  while (status.textContent === before) await frame();
  await frame();
  return { ms: performance.now() - t0, count: status.textContent ?? "" };
}
