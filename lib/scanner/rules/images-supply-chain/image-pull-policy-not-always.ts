import { definePodRule } from "../../define-rule";
import { describeContainer } from "../../pod-spec";
import { containerImages, effectivePullPolicy } from "./_shared/images";

export default definePodRule({
  id: "TWR-0203",
  name: "image-pull-policy-not-always",
  title: "Mutable image not pulled with imagePullPolicy: Always",
  severity: "low",
  theme: "images-supply-chain",
  description:
    "With IfNotPresent or Never, a node reuses whatever image it cached under that tag: nodes can run different content for the same tag, " +
    "and a pod can start from a private image another tenant pulled, without its own pull credentials being checked. " +
    "Images pinned by digest are immutable and not reported; an unset policy is read as Kubernetes defaults it.",
  remediation: "Set imagePullPolicy: Always for images referenced by tag (or pin them by digest), and consider the AlwaysPullImages admission plugin on multi-tenant clusters.",
  references: [
    "https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy",
    "https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages",
  ],
  refs: {
    checkov: ["CKV_K8S_15"],
    kubescore: ["container-image-pull-policy"],
  },
  check: (obj, pod, ctx) =>
    containerImages(pod, ctx).flatMap((ci) => {
      if (ci.ref?.digest) return [];
      const { policy, explicit } = effectivePullPolicy(ci);
      if (policy === "Always") return [];
      const path = `${ci.c.path}.imagePullPolicy`;
      const how = explicit ? `sets imagePullPolicy=${policy}` : `leaves imagePullPolicy unset (defaults to ${policy})`;
      return [{ path, ...(explicit ? { value: policy } : {}), message: `${describeContainer(obj, ci.c)} ${how} for the mutable image '${ci.image}'` }];
    }),
});
