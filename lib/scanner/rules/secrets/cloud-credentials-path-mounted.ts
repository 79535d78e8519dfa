import { definePodRule } from "../../define-rule";
import { containersOf, describeObject } from "../../pod-spec";
import type { Violation } from "../../types";
import { asArray, isRecord } from "./_lib/helpers";

/** Where cloud CLIs and node cloud-provider integrations keep credentials on a host. */
const CREDENTIAL_PATH = /(^|\/)\.aws(\/|$)|(^|\/)\.azure(\/|$)|(^|\/)\.config\/gcloud(\/|$)|application_default_credentials\.json$|(^|\/)\.oci(\/|$)|^\/etc\/kubernetes\/azure\.json$/;

const describeLocation = (path: string): string =>
  /\.aws/.test(path) ? "AWS CLI credentials" : /azure/.test(path) ? "Azure credentials" : /gcloud|application_default/.test(path) ? "Google Cloud credentials" : "OCI CLI credentials";

export default definePodRule({
  id: "TWR-0406",
  name: "cloud-credentials-path-mounted",
  title: "Host cloud-credential directory mounted into a pod",
  severity: "medium",
  theme: "secrets",
  description:
    "A hostPath volume on ~/.aws, ~/.azure, ~/.config/gcloud, ~/.oci or /etc/kubernetes/azure.json hands the node's cloud " +
    "credentials (often a node or service-principal identity with broad rights) to the pod: a compromise of the container " +
    "becomes a compromise of the cloud account. Paths are matched exactly on those locations, whatever the cloud provider.",
  remediation:
    "Remove the hostPath volume and give the workload its own least-privilege cloud identity: EKS Pod Identity / IRSA, Azure " +
    "Workload Identity, GKE Workload Identity Federation, or OCI Workload Identity.",
  references: [
    "https://kubernetes.io/docs/concepts/storage/volumes/#hostpath",
    "https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html",
    "https://learn.microsoft.com/azure/aks/workload-identity-overview",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity",
  ],
  refs: {},
  check: (obj, pod) => {
    const out: Violation[] = [];
    asArray(pod.spec.volumes).forEach((v, i) => {
      const vol = (isRecord(v) ? v : {}) as { name?: string; hostPath?: { path?: unknown } };
      const path = isRecord(vol.hostPath) ? vol.hostPath.path : undefined;
      if (typeof path !== "string" || !CREDENTIAL_PATH.test(path.replace(/\/+$/, ""))) return;
      const users = containersOf(pod)
        .filter((c) => asArray(c.container.volumeMounts).some((m) => isRecord(m) && m.name === vol.name))
        .map((c) => `'${c.container.name ?? `#${c.index}`}'`);
      out.push({
        path: `${pod.path}.volumes[${i}].hostPath.path`,
        value: path,
        message: `${describeObject(obj)} mounts host path '${path}' (${describeLocation(path)}) as volume '${vol.name ?? i}'${users.length ? `, used by container ${users.join(", ")}` : ""}`,
      });
    });
    return out;
  },
});
