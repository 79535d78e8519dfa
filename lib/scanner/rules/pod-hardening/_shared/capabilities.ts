import type { PodSpecRef, ContainerRef, Container } from "../../../pod-spec";
import { containersOf, describeContainer } from "../../../pod-spec";
import type { K8sObject, Violation } from "../../../types";

/** "cap_sys_admin", "SYS_ADMIN" and " Sys_Admin " name the same capability. */
export const normaliseCapability = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim().toUpperCase().replace(/^CAP_/, "") : undefined;

export type CapabilityEntry = { name: string; raw: string; index: number };

export const capabilityList = (c: Container, field: "add" | "drop"): CapabilityEntry[] => {
  const list = c.securityContext?.capabilities?.[field];
  if (!Array.isArray(list)) return [];
  const out: CapabilityEntry[] = [];
  list.forEach((raw, index) => {
    const name = normaliseCapability(raw);
    if (name) out.push({ name, raw: String(raw), index });
  });
  return out;
};

export const dropsCapability = (c: Container, name: string): boolean =>
  capabilityList(c, "drop").some((e) => e.name === "ALL" || e.name === name);

/** PSS baseline: the only capabilities a container may add. */
export const PSS_BASELINE_CAPABILITIES = new Set([
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
  "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
]);

/** Windows pods have no Linux capabilities; PSS restricted exempts them from the capability controls. */
export const isWindowsPod = (pod: PodSpecRef): boolean => {
  const os = pod.spec.os;
  return typeof os === "object" && os !== null && (os as { name?: unknown }).name === "windows";
};

/** One violation per added capability for which `isBad` holds, in every container kind. */
export const addedCapabilityViolations = (
  obj: K8sObject,
  pod: PodSpecRef,
  isBad: (name: string) => boolean,
  why: (name: string) => string,
): Violation[] =>
  containersOf(pod).flatMap((c: ContainerRef) =>
    capabilityList(c.container, "add")
      .filter((e) => isBad(e.name))
      .map((e) => ({
        path: `${c.path}.securityContext.capabilities.add[${e.index}]`,
        value: e.raw,
        message: `${describeContainer(obj, c)} adds capability ${e.raw} in securityContext.capabilities.add (${why(e.name)})`,
      })),
  );
