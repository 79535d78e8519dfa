import { parseManifests } from "@/lib/scanner/parse";
import { DEMO_CLUSTER_DIR, loadManifestDir } from "@/lib/sim";

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: { name: debug-shell, namespace: shop, uid: 9f1c0d1e-0000-4000-8000-000000000001 }
spec:
  containers: [{ name: sh, image: busybox:1.36, securityContext: { privileged: true } }]
`;

/** The demo cluster's objects, as the simulator serves them to scan tests. */
export const demoObjects = loadManifestDir(DEMO_CLUSTER_DIR).objects;

/** One privileged pod to add to the demo cluster: a finding that appears, resolves and regresses between scans. */
export const privilegedPodObjects = parseManifests(PRIVILEGED_POD, "extra.yaml").objects;
