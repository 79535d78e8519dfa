import { defineSnapshotRule } from "../../define-rule";
import { describeObject } from "../../pod-spec";
import type { Hit, K8sObject } from "../../types";

type Backend = { path: string; value: Record<string, unknown> };
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const backendsOf = (ing: K8sObject): Backend[] => {
  const spec = isRecord(ing.spec) ? ing.spec : {};
  const out: Backend[] = [];
  for (const key of ["defaultBackend", "backend"]) if (isRecord(spec[key])) out.push({ path: `spec.${key}`, value: spec[key] as Record<string, unknown> });
  (Array.isArray(spec.rules) ? spec.rules : []).forEach((rule, i) => {
    const paths = isRecord(rule) && isRecord(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    paths.forEach((p, j) => {
      if (isRecord(p) && isRecord(p.backend)) out.push({ path: `spec.rules[${i}].http.paths[${j}].backend`, value: p.backend });
    });
  });
  return out;
};

/** networking.k8s.io/v1 only knows backend.service; the beta APIs used serviceName/servicePort. */
const serviceRef = (ing: K8sObject, b: Record<string, unknown>): { name?: string; port?: unknown } | undefined => {
  if (isRecord(b.service)) {
    const port = isRecord(b.service.port) ? (b.service.port.number ?? b.service.port.name) : undefined;
    return { name: typeof b.service.name === "string" ? b.service.name : undefined, port };
  }
  if (ing.apiVersion !== "networking.k8s.io/v1" && typeof b.serviceName === "string") return { name: b.serviceName, port: b.servicePort };
  return undefined;
};

const hasPort = (svc: K8sObject, port: unknown): boolean => {
  const ports = isRecord(svc.spec) && Array.isArray(svc.spec.ports) ? svc.spec.ports.filter(isRecord) : [];
  if (port === undefined || ports.length === 0) return true;
  return ports.some((p) => (typeof port === "number" || /^\d+$/.test(String(port)) ? Number(p.port) === Number(port) : p.name === port));
};

export default defineSnapshotRule({
  id: "TWR-0607",
  name: "ingress-backend-service-missing",
  title: "Ingress backend points to a missing Service or port",
  severity: "low",
  theme: "ingress",
  targets: ["Ingress"],
  description:
    "A backend whose Service (or Service port) does not exist in the Ingress's namespace answers 503, and a dangling name can later " +
    "be claimed by anyone allowed to create a Service there, silently receiving the host's traffic. Resource backends are not checked; " +
    "a networking.k8s.io/v1 backend using the removed serviceName/servicePort fields names no Service.",
  remediation: "Point the backend at an existing Service and one of its ports (number or name), or remove the stale rule.",
  references: ["https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource"],
  refs: { kubescape: ["C-0298"], kubescore: ["ingress-targets-service"] },
  check: (ctx) => {
    const hits: Hit[] = [];
    for (const ing of ctx.snapshot.byKind("Ingress")) {
      const ns = ing.metadata?.namespace;
      for (const b of backendsOf(ing)) {
        if (isRecord(b.value.resource)) continue;
        const ref = serviceRef(ing, b.value);
        const svc = ref?.name ? ctx.snapshot.get("Service", ns, ref.name) : undefined;
        let problem: string | undefined;
        if (!ref?.name) problem = "names no Service (backend.service.name is missing)";
        else if (!svc) problem = `points to Service '${ref.name}', which does not exist in namespace '${ns ?? "default"}'`;
        else if (!hasPort(svc, ref.port)) problem = `points to port '${String(ref.port)}' that Service '${ref.name}' does not expose`;
        if (problem) hits.push({ object: ing, path: b.path, value: ref ?? b.value, message: `${describeObject(ing)} ${b.path} ${problem}` });
      }
    }
    return hits;
  },
});
