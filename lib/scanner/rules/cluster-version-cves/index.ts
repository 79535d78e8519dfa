import type { Rule } from "../../define-rule";
import cve202125741SubpathSymlink from "./cve-2021-25741-subpath-symlink";
import deprecatedApiVersion from "./deprecated-api-version";
import kubernetesVersionOutdated from "./kubernetes-version-outdated";

export const clusterRules: Rule[] = [
  cve202125741SubpathSymlink,
  deprecatedApiVersion,
  kubernetesVersionOutdated,
];
