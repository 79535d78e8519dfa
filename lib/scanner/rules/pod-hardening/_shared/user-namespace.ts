import type { PodSpecRef } from "../../../pod-spec";

/**
 * spec.hostUsers=false runs the pod in its own user namespace: UID 0 inside maps to an unprivileged UID on the node,
 * so PSS (policy v1.35+) lets such pods run as any user, and host UID collisions cannot happen.
 */
export const usesUserNamespace = (pod: PodSpecRef): boolean => pod.spec.hostUsers === false;

/** The securityContext path of a container field, for evidence when the field is absent everywhere. */
export const containerFieldPath = (containerPath: string, field: string): string => `${containerPath}.securityContext.${field}`;
