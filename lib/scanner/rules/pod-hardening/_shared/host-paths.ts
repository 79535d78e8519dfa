import { containersOf, type ContainerRef, type PodSpecRef } from "../../../pod-spec";

export type HostPathVolume = { name: string; rawPath: string; path: string; index: number; fieldPath: string };
export type VolumeMountRef = { c: ContainerRef; index: number; readOnly: boolean; mountPath: string; fieldPath: string };

/**
 * Normalises a host path so that look-alikes compare equal: "/var/run//docker.sock/", "/var/./run/docker.sock"
 * and "/var/lib/../run/docker.sock" all become "/var/run/docker.sock". Windows paths and named pipes are lower-cased.
 */
export const normaliseHostPath = (raw: string): string => {
  const p = raw.trim();
  if (/^[a-zA-Z]:[\\/]|^\\\\/.test(p)) return p.replace(/\//g, "\\").toLowerCase();
  const parts: string[] = [];
  for (const seg of p.split("/")) {
    if (!seg || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join("/")}`;
};

export const hostPathVolumesOf = (pod: PodSpecRef): HostPathVolume[] => {
  const out: HostPathVolume[] = [];
  (Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []).forEach((v, index) => {
    if (typeof v !== "object" || v === null || typeof v.hostPath !== "object" || v.hostPath === null) return;
    const rawPath = typeof v.hostPath.path === "string" ? v.hostPath.path : "";
    out.push({ name: String(v.name ?? `#${index}`), rawPath, path: normaliseHostPath(rawPath), index, fieldPath: `${pod.path}.volumes[${index}].hostPath.path` });
  });
  return out;
};

/** Every container (incl. init and ephemeral) mount of the named volume. */
export const mountsOfVolume = (pod: PodSpecRef, volume: string): VolumeMountRef[] =>
  containersOf(pod).flatMap((c) =>
    (Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : [])
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => typeof m === "object" && m !== null && m.name === volume)
      .map(({ m, index }) => ({
        c,
        index,
        readOnly: m.readOnly === true,
        mountPath: String(m.mountPath ?? ""),
        fieldPath: `${c.path}.volumeMounts[${index}]`,
      })),
  );

/** "/a/b" is at or below "/a"; "/ab" is not. */
export const isAtOrBelow = (path: string, root: string): boolean => path === root || path.startsWith(root === "/" ? "/" : `${root}/`);

/** The container names that mount a volume, for messages: "mounted by 'api', 'init'" or "not mounted by any container". */
export const describeMounts = (mounts: VolumeMountRef[]): string =>
  mounts.length ? `mounted by ${[...new Set(mounts.map((m) => `'${m.c.container.name ?? `#${m.c.index}`}'`))].join(", ")}` : "not mounted by any container";
