/**
 * ingress-nginx controller security data, compiled 2026-06-01 from the advisories linked per entry
 * (kubernetes/kubernetes and kubernetes/ingress-nginx security issues, the Kubernetes blog).
 * `fixedIn` lists the first fixed release of each maintained minor line; a version is affected when
 * its own line has no fix at or below it and it is older than the newest fixed release.
 */
export type IngressNginxAdvisory = { cve: string; title: string; fixedIn: readonly string[]; advisory: string };

export const INGRESS_NGINX_DATA_COMPILED = "2026-06-01";

/** The project was retired: best-effort maintenance ended in March 2026, no releases or security fixes after. */
export const INGRESS_NGINX_RETIREMENT = {
  date: "2026-04-01T00:00:00Z",
  source: "https://kubernetes.io/blog/2025/11/11/ingress-nginx-retirement/",
};

export const INGRESS_NGINX_ADVISORIES: readonly IngressNginxAdvisory[] = [
  { cve: "CVE-2021-25742", title: "custom snippets read the controller's service-account token and all Secrets", fixedIn: ["0.49.1", "1.0.1"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/7837" },
  { cve: "CVE-2021-25745", title: "Ingress path field can obtain the controller's credentials", fixedIn: ["1.2.0"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/8502" },
  { cve: "CVE-2021-25746", title: "annotations can obtain the controller's credentials", fixedIn: ["1.2.0"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/8503" },
  { cve: "CVE-2021-25748", title: "path sanitization bypass exposes the controller's credentials", fixedIn: ["1.2.1"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/8686" },
  { cve: "CVE-2022-4886", title: "path sanitization bypass (without strict-validate-path-type)", fixedIn: ["1.8.0"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/10570" },
  { cve: "CVE-2023-5043", title: "configuration-snippet annotation injection runs arbitrary commands", fixedIn: ["1.9.0"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/10571" },
  { cve: "CVE-2023-5044", title: "code injection through the permanent-redirect annotation", fixedIn: ["1.9.0"], advisory: "https://github.com/kubernetes/ingress-nginx/issues/10572" },
  { cve: "CVE-2024-7646", title: "annotation validation bypass injects configuration", fixedIn: ["1.11.2"], advisory: "https://github.com/kubernetes/kubernetes/issues/126744" },
  { cve: "CVE-2025-1974", title: "IngressNightmare: unauthenticated RCE through the admission webhook", fixedIn: ["1.11.5", "1.12.1"], advisory: "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/" },
  { cve: "CVE-2025-1097", title: "auth-tls-match-cn annotation injection", fixedIn: ["1.11.5", "1.12.1"], advisory: "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/" },
  { cve: "CVE-2025-1098", title: "mirror-target / mirror-host annotation injection", fixedIn: ["1.11.5", "1.12.1"], advisory: "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/" },
  { cve: "CVE-2025-24514", title: "auth-url annotation injection", fixedIn: ["1.11.5", "1.12.1"], advisory: "https://kubernetes.io/blog/2025/03/24/ingress-nginx-cve-2025-1974/" },
  { cve: "CVE-2026-1580", title: "auth-method annotation configuration injection", fixedIn: ["1.13.7", "1.14.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/136677" },
  { cve: "CVE-2026-24512", title: "rules.http.paths.path configuration injection", fixedIn: ["1.13.7", "1.14.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/136678" },
  { cve: "CVE-2026-24513", title: "auth-url protection bypass with a defective custom-errors backend", fixedIn: ["1.13.7", "1.14.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/136679" },
  { cve: "CVE-2026-24514", title: "admission controller denial of service", fixedIn: ["1.13.7", "1.14.3"], advisory: "https://github.com/kubernetes/kubernetes/issues/136680" },
  { cve: "CVE-2026-3288", title: "configuration injection fixed in the final releases", fixedIn: ["1.14.4", "1.15.0"], advisory: "https://github.com/kubernetes/kubernetes/issues/137560" },
];

/** allow-snippet-annotations defaulted to true before controller v1.9.0. */
export const SNIPPETS_DEFAULT_OFF_SINCE = "1.9.0";
