import type { ContainerRef, PodSpecRef } from "../../../pod-spec";
import { annotationPath, containerSecurityContext, isRecord, podAnnotation, podSecurityContext } from "./pod-meta";

/** A seccomp or AppArmor profile as it applies to one container, normalised to the field's vocabulary. */
export type EffectiveProfile = {
  /** RuntimeDefault | Localhost | Unconfined, or the raw (invalid) value; "" when the field is present but has no type. */
  type: string;
  /** Where it was set, for evidence. */
  path: string;
  via: "field" | "annotation";
  level: "container" | "pod";
  localhostProfile?: string;
};

type ProfileKind = { field: "seccompProfile" | "appArmorProfile"; containerAnnotation: string; podAnnotation?: string };

export const SECCOMP: ProfileKind = {
  field: "seccompProfile",
  containerAnnotation: "container.seccomp.security.alpha.kubernetes.io/",
  podAnnotation: "seccomp.security.alpha.kubernetes.io/pod",
};
export const APPARMOR: ProfileKind = { field: "appArmorProfile", containerAnnotation: "container.apparmor.security.beta.kubernetes.io/" };

/** Legacy annotation values: runtime/default, docker/default, localhost/<profile>, unconfined. */
const fromAnnotation = (value: string): { type: string; localhostProfile?: string } => {
  if (value === "runtime/default" || value === "docker/default") return { type: "RuntimeDefault" };
  if (value.startsWith("localhost/") && value.length > "localhost/".length) return { type: "Localhost", localhostProfile: value.slice(10) };
  if (value === "unconfined") return { type: "Unconfined" };
  return { type: value };
};

const fromField = (sc: Record<string, unknown>, field: string, path: string, level: EffectiveProfile["level"]): EffectiveProfile | undefined => {
  const v = sc[field];
  if (v === undefined || v === null) return undefined;
  const rec = isRecord(v) ? v : {};
  const type = typeof rec.type === "string" ? rec.type : "";
  const localhostProfile = typeof rec.localhostProfile === "string" ? rec.localhostProfile : undefined;
  return { type, path: `${path}.securityContext.${field}${type ? ".type" : ""}`, via: "field", level, localhostProfile };
};

/**
 * The profile that applies to a container, in Kubernetes' order of precedence: the container's field,
 * the container's legacy annotation, the pod's field, the pod's legacy annotation.
 */
export const effectiveProfile = (pod: PodSpecRef, c: ContainerRef, kind: ProfileKind): EffectiveProfile | undefined => {
  const own = fromField(containerSecurityContext(c), kind.field, c.path, "container");
  if (own) return own;
  const name = c.container.name;
  const cKey = typeof name === "string" ? kind.containerAnnotation + name : undefined;
  const cAnn = cKey ? podAnnotation(pod, cKey) : undefined;
  if (cKey && cAnn !== undefined) return { ...fromAnnotation(cAnn), path: annotationPath(pod, cKey), via: "annotation", level: "container" };
  const podLevel = fromField(podSecurityContext(pod), kind.field, pod.path, "pod");
  if (podLevel) return podLevel;
  const pAnn = kind.podAnnotation ? podAnnotation(pod, kind.podAnnotation) : undefined;
  if (kind.podAnnotation && pAnn !== undefined) return { ...fromAnnotation(pAnn), path: annotationPath(pod, kind.podAnnotation), via: "annotation", level: "pod" };
  return undefined;
};

/** RuntimeDefault or Localhost (a Localhost field without localhostProfile never gets past the API, so it runs nowhere). */
export const isConfined = (p: EffectiveProfile): boolean => p.type === "RuntimeDefault" || p.type === "Localhost";
