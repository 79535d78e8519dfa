import { containersOf, type ContainerRef, type PodSpecRef } from "../../../pod-spec";
import { resourceOf } from "./pod-meta";

/** Containers that get resources: regular and init containers (ephemeral containers cannot set any). */
export const resourcedContainers = (pod: PodSpecRef): ContainerRef[] => containersOf(pod).filter((c) => c.type !== "ephemeralContainers");

/** A request is effectively set when it is written, or when the limit is (Kubernetes then defaults the request to the limit). */
export const hasEffectiveRequest = (c: ContainerRef, name: "cpu" | "memory"): boolean =>
  resourceOf(c.container, "requests", name) !== undefined || resourceOf(c.container, "limits", name) !== undefined;

export const hasLimit = (c: ContainerRef, name: "cpu" | "memory"): boolean => resourceOf(c.container, "limits", name) !== undefined;
