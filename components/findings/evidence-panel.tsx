"use client";

import { useMemo } from "react";
import type { TFindingDetail } from "@/lib/client/findings";
import { markYamlLines, type TLineMark } from "@/lib/client/yaml-path";
import { YamlView } from "./yaml-view";

const show = (v: unknown) => (v === undefined ? "" : typeof v === "string" ? v : JSON.stringify(v));

/** The offending fields, listed and highlighted in the object's YAML as Tower last read it. */
export function EvidencePanel({ finding }: { finding: TFindingDetail }) {
  const marks = useMemo(() => (finding.objectYaml ? markYamlLines(finding.objectYaml, finding.evidence.map((e) => e.path)) : new Map<number, TLineMark>()), [finding]);
  const hasParentOnly = [...marks.values()].includes("parent");
  return (
    <div className="card">
      <h2>Evidence</h2>
      <ul className="evidence-list">
        {finding.evidence.map((e, i) => (
          <li key={i}><code>{e.path}</code>{e.value !== undefined ? <> = <code>{show(e.value)}</code></> : <span className="muted"> (not set)</span>}</li>
        ))}
      </ul>
      {finding.objectYaml ? (
        <>
          <YamlView yaml={finding.objectYaml} marks={marks} testId="evidence-yaml" />
          <p className="muted small legend">
            <span className="mark-swatch mark-exact" /> offending field{hasParentOnly ? <> · <span className="mark-swatch mark-parent" /> where a missing field belongs</> : null}
          </p>
        </>
      ) : (
        <p className="muted">The object is no longer in the inventory (removed since the last scan), so its YAML cannot be shown.</p>
      )}
    </div>
  );
}
