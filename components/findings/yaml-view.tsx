"use client";

import { useEffect, useRef } from "react";
import type { TLineMark } from "@/lib/client/yaml-path";

/** YAML with line numbers; marked lines are highlighted and the first one is scrolled into view. */
export function YamlView({ yaml, marks, testId, compact }: { yaml: string; marks: Map<number, TLineMark>; testId?: string; compact?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const lines = yaml.replace(/\n$/, "").split("\n");
  const first = [...marks.keys()].sort((a, b) => a - b)[0];
  useEffect(() => {
    const el = box.current?.querySelector<HTMLElement>(`[data-line="${first}"]`);
    if (box.current && el) box.current.scrollTop = Math.max(0, el.offsetTop - box.current.clientHeight / 3);
  }, [first, yaml]);
  return (
    <div className={compact ? "yaml-view compact" : "yaml-view"} ref={box} data-testid={testId}>
      <pre>
        {lines.map((text, i) => {
          const mark = marks.get(i + 1);
          return (
            <span key={i} data-line={i + 1} className={mark ? `yaml-line mark-${mark}` : "yaml-line"} data-mark={mark}>
              <span className="ln" aria-hidden="true">{i + 1}</span>
              {text || " "}
              {"\n"}
            </span>
          );
        })}
      </pre>
    </div>
  );
}
