"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import type { AnnotationView } from "@/lib/annotations/views";

import { connectorPath, layoutConnectors, type Connector } from "./connector-layout";
import type { TextIndex } from "./text-dom";

// Draws one connector per cross-source link between the two columns. The
// geometry (connector-layout.ts) is recomputed in one animation frame after
// scrolls and resizes; only the first span on each side anchors a line.

type Props = {
  annotations: AnnotationView[];
  leftSourceId: string;
  rightSourceId: string;
  indexes: Map<string, TextIndex>;
  selectedId: string | null;
  /** Bumped by the parent whenever columns scroll or re-render. */
  layoutKey: number;
  onChoose: (id: string) => void;
};

const stroke: Record<AnnotationView["kind"], { color: string; dash?: string }> = {
  agreement: { color: "#0f9d58" },
  contradiction: { color: "#d93025", dash: "6 4" },
  note: { color: "#1a73e8", dash: "2 3" },
};

export function ConnectorGutter({ annotations, leftSourceId, rightSourceId, indexes, selectedId, layoutKey, onChoose }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [connectors, setConnectors] = useState<Connector[]>([]);
  const [{ width, height }, setSize] = useState({ width: 0, height: 0 });

  const measure = useCallback(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const box = svg.getBoundingClientRect();
    setSize({ width: box.width, height: box.height });
    const next = layoutConnectors({
      annotations,
      leftSourceId,
      rightSourceId,
      leftIndex: indexes.get(leftSourceId),
      rightIndex: indexes.get(rightSourceId),
      box,
    });
    setConnectors(next);
  }, [annotations, indexes, leftSourceId, rightSourceId]);

  useEffect(() => {
    const frame = requestAnimationFrame(measure);
    return () => cancelAnimationFrame(frame);
  }, [measure, layoutKey]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(svg);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
      cancelAnimationFrame(frame);
    };
  }, [measure]);

  return (
    <svg ref={svgRef} className="h-full w-full" aria-hidden="true" data-testid="connector-gutter" data-connectors={connectors.length}>
      <line x1={width / 2} x2={width / 2} y1="0" y2={height} stroke="#e2e8f0" strokeWidth="1" />
      {connectors.map((c) => {
        const style = stroke[c.kind];
        const isSelected = c.id === selectedId;
        return (
          <g key={c.id} data-connector={c.id} data-kind={c.kind} className="cursor-pointer" onClick={() => onChoose(c.id)}>
            <path
              d={connectorPath(c, width)}
              fill="none"
              stroke={style.color}
              strokeWidth={isSelected ? 3.5 : 2}
              strokeDasharray={style.dash}
              strokeOpacity={c.status === "draft" ? 0.55 : 0.9}
            />
            <circle cx="3" cy={c.y1} r="3" fill={style.color} />
            <circle cx={width - 3} cy={c.y2} r="3" fill={style.color} />
          </g>
        );
      })}
    </svg>
  );
}
