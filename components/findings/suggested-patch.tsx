"use client";

import { useMemo } from "react";
import type { TFindingDetail } from "@/lib/client/findings";
import { suggestPatch } from "@/lib/client/suggest-patch";
import type { TLineMark } from "@/lib/client/yaml-path";
import { YamlView } from "./yaml-view";

/** Shown only when the fix is mechanical; the rest is in the remediation text. */
export function SuggestedPatch({ finding }: { finding: TFindingDetail }) {
  const suggestion = useMemo(() => suggestPatch({ ruleName: finding.ruleName, evidence: finding.evidence, objectYaml: finding.objectYaml }), [finding]);
  if (!suggestion) return null;
  if (suggestion.kind === "advice") {
    return (
      <div className="card" data-testid="suggested-patch">
        <h2>Suggested fix</h2>
        <p className="pre-line">{suggestion.summary}</p>
      </div>
    );
  }
  const marks = new Map<number, TLineMark>(suggestion.changedLines.map((l) => [l, "exact"]));
  return (
    <div className="card" data-testid="suggested-patch">
      <h2>Suggested patch</h2>
      <p>{suggestion.summary} Apply it to the manifest in your repository (or to the owning workload) rather than to the live object.</p>
      <YamlView yaml={suggestion.yaml} marks={marks} testId="patch-yaml" compact />
    </div>
  );
}
