// Bundled by bench/matrix.bench.ts into a static page: renders the real
// evidence-matrix table (components/matrix/matrix-table.tsx) with React and
// times it until two animation frames have passed, i.e. until it is painted.
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";

import { MatrixTable } from "@/components/matrix/matrix-table";
import type { MatrixColumn, MatrixRow } from "@/lib/comparisons/matrix";

export type MatrixRenderInput = { columns: MatrixColumn[]; rows: MatrixRow[]; total: number };
export type MatrixRenderFigures = { renderMs: number; paintedMs: number; cells: number };

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function renderMatrix(input: MatrixRenderInput): Promise<MatrixRenderFigures> {
  const container = document.getElementById("root")!;
  const root = createRoot(container);
  const started = performance.now();
  flushSync(() =>
    root.render(<MatrixTable comparisonId="bench" columns={input.columns} rows={input.rows} firstRowNumber={1} total={input.total} />),
  );
  const rendered = performance.now();
  await nextFrame();
  await nextFrame();
  const painted = performance.now();
  return { renderMs: rendered - started, paintedMs: painted - started, cells: container.querySelectorAll("td").length };
}

(window as unknown as { renderMatrix: typeof renderMatrix }).renderMatrix = renderMatrix;
