import { endOfLife, isAffected, KUBERNETES_RELEASES } from "../../data/kubernetes-releases";
import { defineSnapshotRule } from "../../define-rule";
import type { Hit } from "../../types";
import { observedVersions } from "./_lib/versions";

const CONTROL_PLANE = new Set(["kube-apiserver", "kube-controller-manager"]);

export default defineSnapshotRule({
  id: "TWR-0901",
  name: "kubernetes-version-outdated",
  title: "Kubernetes version out of support or with known CVEs",
  severity: "medium",
  theme: "cluster-version-cves",
  targets: ["Node", "Namespace", "Pod", "Deployment"],
  description:
    "A control plane or kubelet on a minor version past its upstream end of life receives no security fixes, and a patch release below the fix of a published Kubernetes CVE is exposed to it. The API server version comes from the cluster facts, kubelet versions from Node objects; dates and CVE ranges come from lib/scanner/data/kubernetes-releases.ts and are compared with the scan time.",
  remediation:
    "Upgrade the control plane, then the nodes, to a supported minor version (one of the three most recent) at its latest patch release; follow the official CVE feed and your provider's release channel.",
  references: [
    "https://kubernetes.io/releases/",
    "https://kubernetes.io/releases/version-skew-policy/",
    "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/",
  ],
  refs: { kubescape: ["C-0273"] },
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const o of observedVersions(ctx)) {
      const { version: v, label } = o;
      const eol = endOfLife(v);
      if (eol.eol(ctx.now))
        hits.push({ object: o.object, path: o.path, value: v.raw, message: `${label} runs Kubernetes ${v.raw} (${o.path}); ${v.major}.${v.minor} reached end of life${eol.date ? ` on ${eol.date}` : ""}` });
      const cves = KUBERNETES_RELEASES.cves.filter(
        (c) => (o.role === "control-plane" ? CONTROL_PLANE.has(c.component) : !CONTROL_PLANE.has(c.component)) && (!c.platform || !o.os || o.os === c.platform) && isAffected(c, v),
      );
      if (cves.length)
        hits.push({
          object: o.object,
          path: o.path,
          value: v.raw,
          message: `${label} runs Kubernetes ${v.raw}, affected by ${cves.map((c) => `${c.id} (${c.severity}, fixed in ${c.fixed.join("/")})`).join(", ")}`,
        });
    }
    return hits;
  },
});
