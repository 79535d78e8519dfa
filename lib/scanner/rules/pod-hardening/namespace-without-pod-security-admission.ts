import { defineSnapshotRule, type ScanContext } from "../../define-rule";
import { podSpecOf } from "../../pod-spec";
import type { Hit } from "../../types";
import { controlCovering, podAdmissionControls } from "./_shared/admission";

const ENFORCE = "pod-security.kubernetes.io/enforce";
const ENFORCING = new Set(["baseline", "restricted"]);
const SYSTEM_NAMESPACES = new Set(["kube-system", "kube-public", "kube-node-lease"]);

const namespacesWithWorkloads = (ctx: ScanContext): Set<string> =>
  ctx.snapshot.memo("pod-hardening/namespaces-with-workloads", () => {
    const out = new Set<string>();
    for (const o of ctx.snapshot.objects) {
      const ns = o.metadata?.namespace;
      if (typeof ns === "string" && !out.has(ns) && podSpecOf(o)) out.add(ns);
    }
    return out;
  });

/**
 * Which namespaces are judged: every Namespace object in the snapshot (labels live there; a namespace known only from
 * its workloads cannot be judged), except the system namespaces kube-system, kube-public and kube-node-lease when they
 * hold no workload. A system namespace that holds workloads passes with an explicit enforce label of any level,
 * "privileged" included (the control plane needs it); every other namespace needs baseline or restricted, or a
 * validating admission control on pods (webhook or ValidatingAdmissionPolicy with a Deny binding) that covers it.
 * Mutating webhooks do not count: sidecar injectors are mutating webhooks on pods and enforce nothing.
 */
export default defineSnapshotRule({
  id: "TWR-0102",
  name: "namespace-without-pod-security-admission",
  title: "Namespace without Pod Security Admission enforcement",
  severity: "medium",
  theme: "pod-hardening",
  targets: ["Namespace"],
  description:
    "Without a pod-security.kubernetes.io/enforce label of baseline or restricted, or another admission policy engine, anyone " +
    "who may create pods in the namespace can create privileged, host-namespace or hostPath pods and take over a node.",
  remediation:
    "Label the namespace: kubectl label namespace <name> pod-security.kubernetes.io/enforce=baseline (or restricted), after " +
    "checking current workloads with --dry-run=server. Alternatively enforce equivalent policies with Kyverno, Gatekeeper or a " +
    "ValidatingAdmissionPolicy that covers the namespace.",
  references: [
    "https://kubernetes.io/docs/concepts/security/pod-security-admission/",
    "https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/",
    "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/",
  ],
  // Kubescape C-0192 is not claimed: it accepts any enforce level, "privileged" included, and counts mutating webhooks.
  refs: {
    kubescape: ["C-0193"],
    cis: ["5.2.1"],
    pss: ["baseline"],
  },
  check: (ctx) => {
    const controls = podAdmissionControls(ctx);
    const withWorkloads = namespacesWithWorkloads(ctx);
    const hits: Hit[] = [];
    for (const ns of ctx.snapshot.byKind("Namespace")) {
      const name = ns.metadata?.name;
      if (!name) continue;
      const level = ns.metadata?.labels?.[ENFORCE];
      if (level !== undefined && ENFORCING.has(level)) continue;
      if (SYSTEM_NAMESPACES.has(name) && (!withWorkloads.has(name) || level !== undefined)) continue;
      if (controlCovering(controls, ns)) continue;
      const path = `metadata.labels['${ENFORCE}']`;
      hits.push({
        object: ns,
        path,
        value: level,
        message:
          level === undefined
            ? `Namespace '${name}' has no ${path} label and no validating admission policy on pods covers it`
            : `Namespace '${name}' sets ${path}=${level}, which enforces nothing stricter than privileged, and no validating admission policy on pods covers it`,
      });
    }
    return hits;
  },
});
