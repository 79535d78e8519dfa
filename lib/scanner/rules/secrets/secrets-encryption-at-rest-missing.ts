import { asArray } from "./_lib/helpers";
import { definePodRule } from "../../define-rule";
import { containersOf, describeContainer, type Container } from "../../pod-spec";

const BINARY = /^(\S*\/)?kube-apiserver(\s|$)/;
/** The binary is the first word of command, or of args when the image's entrypoint is used. */
const isApiServer = (c: Container): boolean => [c.command?.[0], c.args?.[0]].some((first) => typeof first === "string" && BINARY.test(first));

export default definePodRule({
  id: "TWR-0408",
  name: "secrets-encryption-at-rest-missing",
  title: "Secrets not encrypted at rest in etcd",
  severity: "medium",
  theme: "secrets",
  description:
    "Without --encryption-provider-config the API server writes Secrets to etcd as plain base64: anyone with an etcd backup, " +
    "snapshot or disk gets every credential in the cluster. Checked on the kube-apiserver static pod; managed control planes " +
    "(EKS, AKS, GKE) do not expose it, and the rule stays silent when no kube-apiserver pod is in the scan. The content of the " +
    "configuration file (identity provider first) cannot be read from the API.",
  remediation:
    "Create an EncryptionConfiguration with a kms v2 (or aescbc/secretbox) provider first for secrets, pass it with " +
    "--encryption-provider-config on every kube-apiserver, then rewrite existing Secrets (`kubectl get secrets -A -o json | kubectl replace -f -`).",
  references: [
    "https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/",
    "https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/",
  ],
  refs: { kubescape: ["C-0141"], checkov: ["CKV_K8S_104"] },
  check: (obj, pod) =>
    containersOf(pod).flatMap((c) => {
      if (!isApiServer(c.container)) return [];
      const cmd = [...asArray(c.container.command), ...asArray(c.container.args)];
      if (cmd.some((a) => typeof a === "string" && /(^|\s)--encryption-provider-config(=|\s|$)/.test(a))) return [];
      return [{ path: `${c.path}.command`, message: `${describeContainer(obj, c)} runs kube-apiserver without --encryption-provider-config` }];
    }),
});
