import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { containerImages } from "./_shared/images";

export default definePodRule({
  id: "TWR-0201",
  name: "image-tag-latest-or-missing",
  title: "Image uses :latest or no tag",
  severity: "medium",
  theme: "images-supply-chain",
  description:
    "An image without a tag, or tagged :latest, resolves to whatever was pushed last: a rollout or a node restart can silently run " +
    "different code, and a compromised push is picked up automatically. An image pinned by digest is immutable and not reported.",
  remediation: "Reference an immutable version tag (e.g. app:1.4.2), or better the digest (app:1.4.2@sha256:...).",
  references: [
    "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    "https://kubernetes.io/docs/concepts/configuration/overview/#container-images",
  ],
  refs: {
    ksv: ["KSV-0013"],
    polaris: ["tagNotSpecified"],
    checkov: ["CKV_K8S_14"],
    kubescore: ["container-image-tag"],
  },
  check: (obj, pod, ctx) =>
    containerImages(pod, ctx).flatMap((ci) => {
      if (!ci.ref || ci.ref.digest) return [];
      if (ci.ref.tag && ci.ref.tag !== "latest") return [];
      const what = ci.ref.tag ? "the :latest tag" : "no tag (so :latest)";
      return [{ path: ci.path, value: ci.image, message: `${describeContainer(obj, ci.c)} uses image '${ci.image}' with ${what}` }];
    }),
});
