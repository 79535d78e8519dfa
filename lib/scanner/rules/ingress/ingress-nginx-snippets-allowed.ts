import { defineSnapshotRule } from "../../define-rule";
import { containersOf, describeContainer, describeObject } from "../../pod-spec";
import type { Hit, K8sObject } from "../../types";
import { SNIPPETS_DEFAULT_OFF_SINCE } from "../../data/ingress-nginx-releases";
import { compareVersions, controllerImage, isControllerContainer, parseVersion } from "./_lib/controller";
import { controllerConfigMap, isControllerConfigMapByName, controllerWorkloads } from "./_lib/controller-index";

const settingHits = (cm: K8sObject): Hit[] => {
  const data = (cm.data ?? {}) as Record<string, unknown>;
  const hits: Hit[] = [];
  if (String(data["allow-snippet-annotations"]).toLowerCase() === "true")
    hits.push({ object: cm, path: 'data["allow-snippet-annotations"]', value: "true", message: `${describeObject(cm)} sets allow-snippet-annotations=true: any Ingress author can inject nginx configuration` });
  if (data["annotations-risk-level"] === "Critical")
    hits.push({ object: cm, path: 'data["annotations-risk-level"]', value: "Critical", message: `${describeObject(cm)} sets annotations-risk-level=Critical: snippet annotations are accepted` });
  return hits;
};

export default defineSnapshotRule({
  id: "TWR-0605",
  name: "ingress-nginx-snippets-allowed",
  title: "ingress-nginx controller accepts snippet annotations",
  severity: "high",
  theme: "ingress",
  targets: ["ConfigMap", "Deployment", "DaemonSet", "StatefulSet", "Pod"],
  description:
    "With allow-snippet-annotations=true, or annotations-risk-level=Critical, in the controller ConfigMap, everyone who can create " +
    "an Ingress can paste nginx configuration into the shared controller and read its service-account token (CVE-2021-25742). " +
    "Before v1.9.0 snippets were allowed by default, so a controller of that age whose ConfigMap does not set the key is " +
    "reported too. The ConfigMap is the one named by the controller's --configmap flag, or the chart's default name.",
  remediation:
    "Set allow-snippet-annotations: \"false\" and keep annotations-risk-level at High or lower in the controller ConfigMap " +
    "(Helm: controller.allowSnippetAnnotations=false), and upgrade the controller.",
  references: [
    "https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/#allow-snippet-annotations",
    "https://github.com/kubernetes/ingress-nginx/issues/7837",
  ],
  refs: {},
  check: (ctx) => {
    const hits: Hit[] = [];
    const seen = new Set<K8sObject>();
    for (const { obj, pod } of controllerWorkloads(ctx.snapshot)) {
      for (const c of containersOf(pod).filter((x) => isControllerContainer(x.container))) {
        const cm = controllerConfigMap(ctx.snapshot, obj, c.container);
        if (cm && !seen.has(cm)) {
          seen.add(cm);
          hits.push(...settingHits(cm));
        }
        const tag = typeof c.container.image === "string" ? controllerImage(c.container.image)?.tag : undefined;
        const version = tag ? parseVersion(tag) : undefined;
        const explicit = cm && (cm.data as Record<string, unknown> | undefined)?.["allow-snippet-annotations"] !== undefined;
        if (!explicit && version && compareVersions(version, parseVersion(SNIPPETS_DEFAULT_OFF_SINCE)!) < 0)
          hits.push({ object: obj, path: `${c.path}.image`, value: c.container.image, message: `${describeContainer(obj, c)} runs ingress-nginx ${tag}, which allows snippet annotations by default, and no controller ConfigMap sets allow-snippet-annotations` });
      }
    }
    for (const cm of ctx.snapshot.byKind("ConfigMap")) if (!seen.has(cm) && isControllerConfigMapByName(cm)) hits.push(...settingHits(cm));
    return hits;
  },
});
