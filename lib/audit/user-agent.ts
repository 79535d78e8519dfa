import { memoize } from "./memo";

/** Families of API clients; scripting and attack tools are what an intruder with a stolen token uses. */
export const ATTACK_TOOLS = ["trufflehog", "access_matrix", "kube-hunter", "peirates", "kubeletctl", "kubiscan", "kdigger", "cdk", "botb", "kubesploit", "rakkess", "kubectl-who-can"];
export const SCRIPTING = ["curl", "wget", "python", "go-http-client", "java", "node", "php", "perl", "ruby", "powershell", "kali", "httpie", "postman"];

const RULES: [RegExp, string][] = [
  [/^kubectl\b/i, "kubectl"],
  [/^(kube-controller-manager|kube-scheduler|kubelet|kube-proxy|kube-apiserver|cloud-controller-manager)\b/i, "kube-component"],
  [/^curl\b/i, "curl"],
  [/^wget\b/i, "wget"],
  [/^(python-requests|python-urllib|python|aiohttp|urllib3|openapi-generator\/.*python|kubernetes\/python)/i, "python"],
  [/^go-http-client\b/i, "go-http-client"],
  [/^(java|okhttp|apache-httpclient|fabric8)/i, "java"],
  [/^(node|axios|undici|node-fetch|got\b)/i, "node"],
  [/^(php|guzzle)/i, "php"],
  [/^(perl|libwww-perl)/i, "perl"],
  [/^ruby/i, "ruby"],
  [/^(mozilla|chrome|safari)/i, "browser"],
  [/^helm\b/i, "helm"],
  [/^(argocd|argo-cd)/i, "argocd"],
  [/^(kustomize-controller|helm-controller|source-controller|flux)/i, "flux"],
  [/^terraform/i, "terraform"],
  [/^(lens|k9s|headlamp|kubernetes-dashboard|dashboard)/i, "ui"],
];

/**
 * Normalizes a user agent to its family: "kubectl/v1.28.0 (darwin/amd64) kubernetes/abc" → "kubectl";
 * a client-go binary ("my-operator/v0.1.0 (linux/amd64) kubernetes/$Format") → "client-go:my-operator".
 */
const family = (ua: string): string => {
  const s = ua.trim();
  if (!s) return "none";
  for (const tool of ATTACK_TOOLS) if (s.toLowerCase().startsWith(tool)) return tool;
  for (const [re, family] of RULES) if (re.test(s)) return family;
  const m = /^([\w.-]+)\/\S+ \([^)]*\) kubernetes\//.exec(s);
  if (m) return `client-go:${m[1].toLowerCase()}`;
  return (/^[\w.-]+/.exec(s)?.[0] ?? "other").toLowerCase();
};

export const userAgentFamily = memoize(family);

export const isScriptingFamily = (family: string): boolean => SCRIPTING.includes(family);
export const isAttackToolFamily = (family: string): boolean => ATTACK_TOOLS.includes(family);
/** kubectl, raw HTTP libraries and attack tools: interactive or hand-rolled access, not a compiled controller. */
export const isInteractiveFamily = (family: string): boolean => family === "kubectl" || isScriptingFamily(family) || isAttackToolFamily(family);
