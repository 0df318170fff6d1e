"use client";

import { useState, type KeyboardEvent } from "react";

// Roving focus over a grid of cells (ARIA grid pattern): one Tab stop, arrow
// keys move between cells, Home/End to the row's ends, Ctrl+Home/End to the
// grid's corners, Page Up/Down by ten rows. Each focusable cell carries
// data-grid-row and data-grid-col.

export type GridPosition = { row: number; col: number };

const PAGE = 10;

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

export function nextPosition(key: string, isCtrl: boolean, at: GridPosition, size: { rows: number; cols: number }): GridPosition | null {
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  switch (key) {
    case "ArrowRight":
      return { ...at, col: clamp(at.col + 1, lastCol) };
    case "ArrowLeft":
      return { ...at, col: clamp(at.col - 1, lastCol) };
    case "ArrowDown":
      return { ...at, row: clamp(at.row + 1, lastRow) };
    case "ArrowUp":
      return { ...at, row: clamp(at.row - 1, lastRow) };
    case "PageDown":
      return { ...at, row: clamp(at.row + PAGE, lastRow) };
    case "PageUp":
      return { ...at, row: clamp(at.row - PAGE, lastRow) };
    case "Home":
      return isCtrl ? { row: 0, col: 0 } : { ...at, col: 0 };
    case "End":
      return isCtrl ? { row: lastRow, col: lastCol } : { ...at, col: lastCol };
    default:
      return null;
  }
}

export function useGridKeys(size: { rows: number; cols: number }) {
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = nextPosition(event.key, event.ctrlKey || event.metaKey, active, size);
    if (!next) return;
    event.preventDefault();
    const target = event.currentTarget.querySelector<HTMLElement>(`[data-grid-row="${next.row}"][data-grid-col="${next.col}"]`);
    if (!target) return;
    setActive(next);
    target.focus();
  };

  /** Props for the focusable element of a cell. */
  const cellProps = (row: number, col: number) => ({
    "data-grid-row": row,
    "data-grid-col": col,
    tabIndex: active.row === row && active.col === col ? 0 : -1,
    onFocus: () => setActive({ row, col }),
  });

  return { onKeyDown, cellProps };
}
