import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { matchesPrefix } from "./_shared/image-ref";
import { containerImages } from "./_shared/images";

export default definePodRule({
  id: "TWR-0204",
  name: "image-from-untrusted-registry",
  title: "Image from a registry outside the allow-list",
  severity: "medium",
  theme: "images-supply-chain",
  description:
    "Images from registries the organisation does not control or mirror skip its scanning, signing and retention policies. " +
    "Compared by prefix with the configured allowed registries after making Docker Hub defaults explicit (nginx = docker.io/library/nginx). " +
    "The rule is off until allowed registries are configured.",
  remediation: "Mirror the image into an allowed registry (or add its registry to the allow-list), and enforce the list at admission (ValidatingAdmissionPolicy, Kyverno, Gatekeeper).",
  references: [
    "https://kubernetes.io/docs/concepts/containers/images/",
    "https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/",
  ],
  refs: {
    ksv: ["KSV-0125"],
    cis: ["5.5.1"],
  },
  check: (obj, pod, ctx) => {
    const allowed = (ctx.options.allowedRegistries ?? []).filter((p) => p.trim());
    if (!allowed.length) return [];
    return containerImages(pod, ctx).flatMap((ci) => {
      if (ci.ref && allowed.some((p) => matchesPrefix(ci.ref!, p))) return [];
      const where = ci.ref ? `(${ci.ref.normalized})` : "(unparseable reference)";
      return [{ path: ci.path, value: ci.image, message: `${describeContainer(obj, ci.c)} uses image '${ci.image}' ${where}, which matches none of the allowed registries` }];
    });
  },
});
