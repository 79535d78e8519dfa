import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { isValidDigest } from "./_shared/image-ref";
import { containerImages } from "./_shared/images";

export default definePodRule({
  id: "TWR-0202",
  name: "image-not-pinned-by-digest",
  title: "Image not pinned by digest",
  severity: "low",
  theme: "images-supply-chain",
  description:
    "Tags are mutable: whoever can push to the repository can change what a tag points to. Only a digest (@sha256:...) fixes the " +
    "image content that runs. A digest that is malformed per the OCI spec (wrong length, upper-case hex) pins nothing and is reported too.",
  remediation: "Reference images by digest, e.g. registry.example/app:1.4.2@sha256:<64 hex>, and let a bot (Renovate, Dependabot) update them.",
  references: [
    "https://kubernetes.io/docs/concepts/containers/images/#image-names",
    "https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests",
  ],
  refs: {
    kubescape: ["C-0306"],
  },
  check: (obj, pod, ctx) =>
    containerImages(pod, ctx).flatMap((ci) => {
      const digest = ci.ref?.digest;
      if (digest && isValidDigest(digest)) return [];
      const message = digest
        ? `${describeContainer(obj, ci.c)} uses image '${ci.image}' whose digest ${digest.algorithm}:${digest.encoded} is malformed`
        : `${describeContainer(obj, ci.c)} uses image '${ci.image}' without a digest (@sha256:...)`;
      return [{ path: ci.path, value: ci.image, message }];
    }),
});
