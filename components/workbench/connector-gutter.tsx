"use client";

import { useLayoutEffect, useRef } from "react";

import type { ViewportEngine } from "./viewport-engine";

// The strip between two adjacent columns. React renders an empty <canvas>
// once; the viewport engine paints the visible connectors on it every frame
// (gutter-draw.ts), so scrolling never re-renders this component. The
// drawing is a visual aid: every link is also reachable from the panel and
// from the paragraph markers.

export function ConnectorGutter({ position, engine }: { position: number; engine: ViewportEngine }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => (canvasRef.current ? engine.attachGutter(position, canvasRef.current) : undefined), [engine, position]);
  return (
    <canvas
      ref={canvasRef}
      className="block min-h-0 w-full flex-1"
      aria-hidden="true"
      data-testid="connector-gutter"
      data-gutter={position}
    />
  );
}
