import type { PodSpecRef } from "../../../pod-spec";

/** The ServiceAccount a pod runs as: serviceAccountName, the deprecated serviceAccount, or "default". */
export const serviceAccountOf = (pod: PodSpecRef): { name: string; path?: string } => {
  const { serviceAccountName, serviceAccount } = pod.spec;
  if (typeof serviceAccountName === "string" && serviceAccountName) return { name: serviceAccountName, path: `${pod.path}.serviceAccountName` };
  if (typeof serviceAccount === "string" && serviceAccount) return { name: serviceAccount, path: `${pod.path}.serviceAccount` };
  return { name: "default" };
};
