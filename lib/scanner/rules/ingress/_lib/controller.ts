import { INGRESS_NGINX_ADVISORIES, type IngressNginxAdvisory } from "../../../data/ingress-nginx-releases";
import type { Container } from "../../../pod-spec";

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export type Version = [number, number, number];

export const parseVersion = (text: string): Version | undefined => {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
};

export const compareVersions = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Affected when the version's own minor line has no fix at or below it, and it is older than the newest fix. */
export const isAffected = (v: Version, advisory: IngressNginxAdvisory): boolean => {
  const fixes = advisory.fixedIn.map(parseVersion).filter((f): f is Version => !!f);
  if (fixes.some((f) => f[0] === v[0] && f[1] === v[1] && compareVersions(v, f) >= 0)) return false;
  return fixes.some((f) => compareVersions(v, f) < 0);
};

export const advisoriesFor = (v: Version): IngressNginxAdvisory[] => INGRESS_NGINX_ADVISORIES.filter((a) => isAffected(v, a));

/**
 * The community ingress-nginx controller image (registry.k8s.io/ingress-nginx/controller, k8s.gcr.io, the old
 * quay.io nginx-ingress-controller, re-builds named *nginx-ingress-controller / nginx-controller); not F5's nginx/nginx-ingress.
 */
const CONTROLLER_IMAGE = /(^|\/)ingress-nginx\/controller(-chroot)?$|(^|\/)(ingress-)?nginx-(ingress-)?controller$/;

export const controllerImage = (image: string): { repo: string; tag?: string } | undefined => {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.lastIndexOf(":");
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  const tag = colon > slash ? noDigest.slice(colon + 1) : undefined;
  return CONTROLLER_IMAGE.test(repo) ? { repo, tag } : undefined;
};

export const isControllerContainer = (c: Container): boolean =>
  (typeof c.image === "string" && !!controllerImage(c.image)) ||
  [...arr(c.args), ...arr(c.command)].some((a) => typeof a === "string" && /(^|\/)nginx-ingress-controller$/.test(a));
