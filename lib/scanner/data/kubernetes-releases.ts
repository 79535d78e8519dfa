/**
 * Kubernetes minor releases (release and end-of-life dates) and control-plane/kubelet CVEs, as data.
 * Rules compare these with ScanContext.now. Dates for 1.33-1.37 were checked against the kubernetes.io
 * release pages on `compiledOn`; older dates and the CVE ranges come from the sources listed below, compiled
 * from the maintainer's knowledge of them and not re-fetched one by one: re-verify before relying on a single
 * patch boundary.
 */

export type MinorRelease = { minor: string; released: string; endOfLife: string };

export type KubeComponent = "kube-apiserver" | "kubelet" | "kube-proxy" | "kube-controller-manager";

export type KubeCve = {
  id: string;
  title: string;
  component: KubeComponent;
  severity: "critical" | "high" | "medium" | "low";
  /** First patch release of each maintained branch that carries the fix. Older minors are affected, newer ones not. */
  fixed: string[];
  /** First affected version, when the flaw is not in every older release. */
  introduced?: string;
  /** Only exploitable on this node OS. */
  platform?: "windows";
  advisory: string;
};

export type ReleaseData = { compiledOn: string; sources: string[]; minors: MinorRelease[]; cves: KubeCve[] };

export const KUBERNETES_RELEASES: ReleaseData = {
  compiledOn: "2026-11-26",
  sources: [
    "https://kubernetes.io/releases/",
    "https://kubernetes.io/releases/patch-releases/",
    "https://kubernetes.io/releases/1.33/ (and the 1.34-1.37 pages)",
    "https://github.com/kubernetes/kubernetes/tree/master/CHANGELOG",
    "https://kubernetes.io/docs/reference/issues-security/official-cve-feed/",
    "https://github.com/kubernetes/kubernetes/issues?q=label%3Aofficial-cve-feed",
  ],
  minors: [
    { minor: "1.16", released: "2019-09-18", endOfLife: "2020-09-02" },
    { minor: "1.17", released: "2019-12-09", endOfLife: "2021-01-13" },
    { minor: "1.18", released: "2020-03-25", endOfLife: "2021-06-18" },
    { minor: "1.19", released: "2020-08-26", endOfLife: "2021-10-28" },
    { minor: "1.20", released: "2020-12-08", endOfLife: "2022-02-28" },
    { minor: "1.21", released: "2021-04-08", endOfLife: "2022-06-28" },
    { minor: "1.22", released: "2021-08-04", endOfLife: "2022-10-28" },
    { minor: "1.23", released: "2021-12-07", endOfLife: "2023-02-28" },
    { minor: "1.24", released: "2022-05-03", endOfLife: "2023-07-28" },
    { minor: "1.25", released: "2022-08-23", endOfLife: "2023-10-27" },
    { minor: "1.26", released: "2022-12-09", endOfLife: "2024-02-28" },
    { minor: "1.27", released: "2023-04-11", endOfLife: "2024-06-28" },
    { minor: "1.28", released: "2023-08-15", endOfLife: "2024-10-28" },
    { minor: "1.29", released: "2023-12-13", endOfLife: "2025-02-28" },
    { minor: "1.30", released: "2024-04-17", endOfLife: "2025-07-15" },
    { minor: "1.31", released: "2024-08-13", endOfLife: "2025-10-28" },
    { minor: "1.32", released: "2024-12-11", endOfLife: "2026-02-28" },
    { minor: "1.33", released: "2025-04-23", endOfLife: "2026-06-28" },
    { minor: "1.34", released: "2025-08-27", endOfLife: "2026-10-27" },
    { minor: "1.35", released: "2025-12-17", endOfLife: "2027-02-28" },
    { minor: "1.36", released: "2026-04-22", endOfLife: "2027-06-28" },
    { minor: "1.37", released: "2026-08-26", endOfLife: "2027-10-28" },
  ],
  cves: [
    { id: "CVE-2018-1002105", title: "API server connection upgrade allows privilege escalation", component: "kube-apiserver", severity: "critical", fixed: ["1.10.11", "1.11.5", "1.12.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/71411" },
    { id: "CVE-2019-11253", title: "YAML/JSON 'billion laughs' parsing denial of service", component: "kube-apiserver", severity: "high", fixed: ["1.13.12", "1.14.8", "1.15.5", "1.16.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/83253" },
    { id: "CVE-2020-8555", title: "Half-blind SSRF through in-tree volume plugins", component: "kube-controller-manager", severity: "medium", fixed: ["1.15.12", "1.16.9", "1.17.5", "1.18.1"], advisory: "https://github.com/kubernetes/kubernetes/issues/91542" },
    { id: "CVE-2020-8558", title: "Node localhost services reachable from adjacent hosts", component: "kube-proxy", severity: "medium", fixed: ["1.16.11", "1.17.7", "1.18.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/92315" },
    { id: "CVE-2020-8559", title: "Privilege escalation from a compromised node via redirect", component: "kube-apiserver", severity: "medium", fixed: ["1.16.13", "1.17.9", "1.18.6"], advisory: "https://github.com/kubernetes/kubernetes/issues/92914" },
    { id: "CVE-2021-25735", title: "Validating admission webhooks can be bypassed on Node updates", component: "kube-apiserver", severity: "medium", fixed: ["1.18.18", "1.19.10", "1.20.6"], advisory: "https://github.com/kubernetes/kubernetes/issues/100096" },
    { id: "CVE-2021-25741", title: "Symlink exchange through subPath volume mounts gives host filesystem access", component: "kubelet", severity: "high", fixed: ["1.19.15", "1.20.11", "1.21.5", "1.22.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/104980" },
    { id: "CVE-2022-3162", title: "Unauthorized read of custom resources of the same API group", component: "kube-apiserver", severity: "medium", fixed: ["1.22.16", "1.23.14", "1.24.8", "1.25.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/113756" },
    { id: "CVE-2022-3172", title: "Aggregated API server can redirect client traffic to any URL", component: "kube-apiserver", severity: "medium", fixed: ["1.22.14", "1.23.11", "1.24.5", "1.25.1"], advisory: "https://github.com/kubernetes/kubernetes/issues/112513" },
    { id: "CVE-2022-3294", title: "Node address validation bypass in the API server proxy", component: "kube-apiserver", severity: "medium", fixed: ["1.22.16", "1.23.14", "1.24.8", "1.25.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/113757" },
    { id: "CVE-2023-2727", title: "ImagePolicyWebhook bypass with ephemeral containers", component: "kube-apiserver", severity: "medium", fixed: ["1.24.14", "1.25.10", "1.26.5", "1.27.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/118640" },
    { id: "CVE-2023-2728", title: "ServiceAccount admission mountable-secrets bypass with ephemeral containers", component: "kube-apiserver", severity: "medium", fixed: ["1.24.14", "1.25.10", "1.26.5", "1.27.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/118640" },
    { id: "CVE-2023-3676", title: "Command injection on Windows nodes through pod subPath", component: "kubelet", severity: "high", platform: "windows", fixed: ["1.24.17", "1.25.13", "1.26.8", "1.27.5", "1.28.1"], advisory: "https://github.com/kubernetes/kubernetes/issues/119339" },
    { id: "CVE-2023-5528", title: "Command injection on Windows nodes through in-tree storage plugins", component: "kubelet", severity: "high", platform: "windows", fixed: ["1.25.16", "1.26.11", "1.27.8", "1.28.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/121879" },
    { id: "CVE-2024-3177", title: "Mountable-secrets policy bypass through envFrom", component: "kube-apiserver", severity: "low", fixed: ["1.27.13", "1.28.9", "1.29.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/124336" },
    { id: "CVE-2024-10220", title: "Arbitrary command execution through gitRepo volumes", component: "kubelet", severity: "high", fixed: ["1.28.12", "1.29.7", "1.30.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/128885" },
    { id: "CVE-2025-0426", title: "Node denial of service through the kubelet checkpoint API", component: "kubelet", severity: "medium", introduced: "1.25.0", fixed: ["1.30.10", "1.31.6", "1.32.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/130016" },
    { id: "CVE-2025-5187", title: "Nodes can delete themselves by adding an OwnerReference", component: "kube-apiserver", severity: "medium", fixed: ["1.31.12", "1.32.8", "1.33.4"], advisory: "https://github.com/kubernetes/kubernetes/issues/133471" },
  ],
};

export type KubeVersion = { major: number; minor: number; patch: number; raw: string };

/** Reads "v1.27.3", "v1.22.11-gke.400", "1.28.5+k3s1" or "1.30". */
export const parseKubeVersion = (raw: unknown): KubeVersion | undefined => {
  if (typeof raw !== "string") return undefined;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(raw.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), raw: raw.trim() } : undefined;
};

const cmp = (a: KubeVersion, b: KubeVersion) => a.major - b.major || a.minor - b.minor || a.patch - b.patch;

export const minorRelease = (v: KubeVersion): MinorRelease | undefined => KUBERNETES_RELEASES.minors.find((m) => m.minor === `${v.major}.${v.minor}`);

/** End-of-life date of the version's minor; minors older than the table are long past it, newer ones unknown. */
export const endOfLife = (v: KubeVersion): { date?: string; eol: (now: Date) => boolean } => {
  const rel = minorRelease(v);
  if (rel) return { date: rel.endOfLife, eol: (now) => now.getTime() > Date.parse(`${rel.endOfLife}T23:59:59Z`) };
  const oldest = parseKubeVersion(KUBERNETES_RELEASES.minors[0].minor)!;
  return { eol: () => cmp(v, oldest) < 0 };
};

export const isAffected = (cve: KubeCve, v: KubeVersion): boolean => {
  const introduced = parseKubeVersion(cve.introduced);
  if (introduced && cmp(v, introduced) < 0) return false;
  const fixes = cve.fixed.map((f) => parseKubeVersion(f)!);
  const branch = fixes.find((f) => f.major === v.major && f.minor === v.minor);
  if (branch) return v.patch < branch.patch;
  return fixes.every((f) => v.major < f.major || (v.major === f.major && v.minor < f.minor));
};

export const cveById = (id: string): KubeCve | undefined => KUBERNETES_RELEASES.cves.find((c) => c.id === id);
