import type { Rule } from "../../define-rule";
import imageFromUntrustedRegistry from "./image-from-untrusted-registry";
import imageNotPinnedByDigest from "./image-not-pinned-by-digest";
import imagePullPolicyNotAlways from "./image-pull-policy-not-always";
import imageTagLatestOrMissing from "./image-tag-latest-or-missing";
import kubernetesDashboardDeployed from "./kubernetes-dashboard-deployed";
import tillerDeployed from "./tiller-deployed";

export const imageRules: Rule[] = [
  imageTagLatestOrMissing,
  imageNotPinnedByDigest,
  imagePullPolicyNotAlways,
  imageFromUntrustedRegistry,
  tillerDeployed,
  kubernetesDashboardDeployed,
];
