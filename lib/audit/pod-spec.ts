type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

export type Container = Obj & { name?: string; image?: string; securityContext?: Obj; args?: unknown; command?: unknown };
export type PodSpecView = { spec: Obj; containers: (Container & { kind: "container" | "initContainer" | "ephemeralContainer" })[]; where: string };

const POD_FIELDS = ["containers", "initContainers", "ephemeralContainers", "hostNetwork", "hostPID", "hostIPC", "volumes", "securityContext"];
const looksLikePodSpec = (v: unknown): v is Obj => isObj(v) && POD_FIELDS.some((f) => f in v);

const at = (o: unknown, path: string[]): unknown => path.reduce<unknown>((cur, k) => (isObj(cur) ? cur[k] : undefined), o);

/**
 * The pod spec(s) carried by a Pod, a workload template (Deployment, DaemonSet, StatefulSet, ReplicaSet, Job),
 * a CronJob, a partial patch of any of them, or a bare `{spec: {...}}` as some exports log it.
 */
export const podSpecsOf = (object: unknown): PodSpecView[] => {
  if (!isObj(object)) return [];
  const candidates: [string, unknown][] = [
    ["spec.jobTemplate.spec.template.spec", at(object, ["spec", "jobTemplate", "spec", "template", "spec"])],
    ["spec.template.spec", at(object, ["spec", "template", "spec"])],
    ["spec", object.spec],
    ["template.spec", at(object, ["template", "spec"])],
  ];
  for (const [where, spec] of candidates) {
    if (!looksLikePodSpec(spec)) continue;
    const containers = [
      ...objs(spec.containers).map((c) => ({ ...c, kind: "container" as const })),
      ...objs(spec.initContainers).map((c) => ({ ...c, kind: "initContainer" as const })),
      ...objs(spec.ephemeralContainers).map((c) => ({ ...c, kind: "ephemeralContainer" as const })),
    ];
    return [{ spec, containers, where }];
  }
  return [];
};

export const WORKLOAD_RESOURCES = ["pods", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs", "replicationcontrollers"];

export const securityContextOf = (c: Container): Obj => (isObj(c.securityContext) ? c.securityContext : {});

export const kindLabel = (c: { kind: string; name?: string }) => `${c.kind === "container" ? "Container" : c.kind === "initContainer" ? "Init container" : "Ephemeral container"} '${c.name ?? "?"}'`;
