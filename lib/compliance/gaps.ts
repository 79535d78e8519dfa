/**
 * Controls Tower's API view could assess but no rule or detection does yet: reported as not-assessable with this
 * reason, and listed in the README (Compliance reports, Honest gaps). A test fails when an assessable control is unmapped and not here,
 * and when a control listed here gains a rule (so the list only shrinks).
 */
export const KNOWN_GAPS: Record<string, Record<string, string>> = {
  "cis-1.12": {
    "5.3.1": "No rule infers the CNI and its NetworkPolicy support yet.",
    "5.4.2": "No rule looks for external secret stores (External Secrets, Secrets Store CSI, Vault injector) yet.",
    "5.7.1": "Namespace boundaries are a design judgement; no rule measures them yet.",
    "5.7.3": "Composite control (Kubescape C-0211); the individual securityContext rules are mapped to 5.2.x and 5.7.2 instead.",
  },
  "nsa-1.2": {
    "C-0002": "TWR-0312 (exec/attach RBAC) checks this but does not claim C-0002 in its refs.",
    "C-0005": "No rule reads the API server's insecure-port flag from a static Pod.",
    "C-0012": "The secrets rules (TWR-04xx) detect credentials in env and ConfigMaps but do not claim C-0012.",
    "C-0030": "No rule checks that every pod is selected by both ingress and egress policies as C-0030 defines.",
    "C-0054": "TWR-0501 (namespace without NetworkPolicy) claims CIS 5.3.2 but not C-0054.",
    "C-0055": "No rule checks that at least one Linux hardening mechanism is set.",
    "C-0066": "Encryption at rest is visible only through the cloud API or the API server's flags.",
    "C-0067": "Audit logging is visible only through the cloud API or the API server's flags.",
    "C-0068": "PodSecurityPolicy is removed since Kubernetes 1.25; see CIS 5.2.1 for its successor.",
    "T-3.0": "No rule infers the CNI and its NetworkPolicy support yet.",
    "T-5.1": "etcd TLS flags are visible only on self-managed control planes; no rule reads them.",
    "T-7.0": "TWR-0330 reads --anonymous-auth from a visible API server Pod but does not claim T-7.0.",
    "T-7.1": "TWR-0331 reads --authorization-mode from a visible API server Pod but does not claim T-7.1.",
  },
  "pss-1.35": {
    "baseline/host-probes-lifecycle-hooks": "No rule checks probe and lifecycle-hook host fields (policy v1.34+) yet.",
    "restricted/proc-mount-type": "TWR-0155 checks procMount at baseline; the restricted variant (user namespaces) has no rule yet.",
  },
  "mitre-containers-17": {
    "T1078.003": "No rule or detection for local accounts on nodes or in images.",
    "T1204.003": "Image contents are out of scope (use an image scanner).",
    "T1525": "Registry contents are out of scope (use an image scanner).",
    "T1068": "Kernel and runtime exploits are not visible in the API.",
    "T1612": "Image builds on nodes are not visible in the API.",
    "T1110": "No detection of brute-force against the API server yet.",
    "T1046": "Network scanning is not visible in audit logs.",
    "T1490": "No rule or detection for backup or recovery tampering yet.",
    "T1499": "No rule or detection for denial of service yet.",
  },
};

export const gapReason = (frameworkId: string, controlId: string): string | undefined => KNOWN_GAPS[frameworkId]?.[controlId];
