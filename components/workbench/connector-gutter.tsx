"use client";

import { useLayoutEffect, useRef } from "react";

import type { ViewportEngine } from "./viewport-engine";

// The strip between two adjacent columns. React renders the empty <svg> once;
// the viewport engine draws the visible connectors into it on every frame
// (gutter-draw.ts), so scrolling never re-renders this component.

export function ConnectorGutter({ position, engine }: { position: number; engine: ViewportEngine }) {
  const svgRef = useRef<SVGSVGElement>(null);
  useLayoutEffect(() => (svgRef.current ? engine.attachGutter(position, svgRef.current) : undefined), [engine, position]);
  return (
    <svg
      ref={svgRef}
      className="h-full w-full overflow-visible"
      aria-hidden="true"
      data-testid="connector-gutter"
      data-gutter={position}
      data-connectors={0}
    />
  );
}
