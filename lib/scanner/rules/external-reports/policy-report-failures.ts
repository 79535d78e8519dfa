import { defineRule } from "../../define-rule";
import type { K8sObject, Violation } from "../../types";
import { clip, isRecord, str } from "./_shared/report";

const POLICY_REPORT_GROUPS = ["wgpolicyk8s.io/", "openreports.io/"];

const describeResource = (r: Record<string, unknown>, fallbackNs?: string): string => {
  const ns = str(r.namespace) ?? fallbackNs;
  return `${str(r.kind) ?? "object"} '${str(r.name) ?? "?"}'${ns ? ` in namespace '${ns}'` : ""}`;
};

/** The resources a result is about: its own list, else the report's scope (per-resource reports). */
const subjectsOf = (result: Record<string, unknown>, report: K8sObject): string => {
  const own = Array.isArray(result.resources) ? result.resources.filter(isRecord) : [];
  const scope = isRecord(report.scope) ? [report.scope] : [];
  const list = (own.length ? own : scope).map((r) => describeResource(r, report.metadata?.namespace));
  if (!list.length) return "";
  return ` for ${list.slice(0, 3).join(", ")}${list.length > 3 ? ` and ${list.length - 3} more` : ""}`;
};

export default defineRule({
  id: "TWR-1006",
  name: "policy-report-failures",
  title: "Failed policy results (PolicyReport)",
  severity: "medium",
  theme: "external-reports",
  description:
    "PolicyReport and ClusterPolicyReport (wgpolicyk8s.io, and their openreports.io successors) are where policy engines such as " +
    "Kyverno, kube-bench adapters or Falco write their results. One finding per result with result=fail, naming the tool (the result's source), " +
    "the policy and rule, and the resource it is about.",
  remediation: "Fix the resource as the policy's message says (or, if the policy is wrong for it, add a policy exception in the engine that reported it).",
  references: [
    "https://github.com/kubernetes-sigs/wg-policy-prototypes/tree/master/policy-report",
    "https://kyverno.io/docs/policy-reports/",
  ],
  refs: {},
  targets: ["PolicyReport", "ClusterPolicyReport", "Report", "ClusterReport"],
  check: (obj) => {
    if (!POLICY_REPORT_GROUPS.some((g) => obj.apiVersion?.startsWith(g))) return [];
    const results = Array.isArray(obj.results) ? obj.results : [];
    const out: Violation[] = [];
    results.forEach((r, i) => {
      if (!isRecord(r) || r.result !== "fail") return;
      const tool = str(r.source) ?? "a policy engine";
      const policy = `${str(r.policy) ?? "?"}${str(r.rule) ? `/${str(r.rule)}` : ""}`;
      const severity = str(r.severity) ? ` [${str(r.severity)}]` : "";
      // A policy message about a Secret may quote its data: keep it out.
      const aboutSecret = [...(Array.isArray(r.resources) ? r.resources : []), obj.scope].some((x) => isRecord(x) && x.kind === "Secret");
      const text = str(r.message) && !aboutSecret ? `: ${str(r.message)}` : "";
      out.push({
        path: `results[${i}]`,
        value: { policy: str(r.policy), rule: str(r.rule), source: str(r.source), severity: str(r.severity) },
        message: clip(`${tool} (${obj.kind} '${obj.metadata?.name ?? "?"}') reports policy ${policy}${severity} failed${subjectsOf(r, obj)}${text}`, 400),
      });
    });
    return out;
  },
});
