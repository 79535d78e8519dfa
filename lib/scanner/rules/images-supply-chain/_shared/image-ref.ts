/**
 * A container image reference, parsed as [registry/]repository[:tag][@digest] (the distribution/reference grammar).
 * The first path component is a registry host only when it contains "." or ":" or is "localhost", so in
 * "registry:5000/app" the ":5000" is a port, not a tag. Docker Hub defaults are made explicit in `normalized`.
 */
export type ImageRef = {
  raw: string;
  /** Registry host as written, e.g. "registry:5000"; undefined when the reference relies on Docker Hub. */
  registry?: string;
  /** Repository path as written, e.g. "nginx" or "team/app". */
  repository: string;
  tag?: string;
  digest?: { algorithm: string; encoded: string };
  /** "docker.io/library/nginx" for "nginx": registry and repository with Docker Hub defaults applied, no tag or digest. */
  normalized: string;
};

const DOCKER_HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"]);

const isRegistryHost = (component: string): boolean => component.includes(".") || component.includes(":") || component === "localhost";

export const parseImageRef = (raw: string): ImageRef | undefined => {
  const ref = raw.trim();
  if (!ref || /\s/.test(ref)) return undefined;
  let rest = ref;
  let digest: ImageRef["digest"];
  const at = rest.indexOf("@");
  if (at >= 0) {
    const d = rest.slice(at + 1);
    const colon = d.indexOf(":");
    if (colon <= 0 || colon === d.length - 1) return undefined;
    digest = { algorithm: d.slice(0, colon), encoded: d.slice(colon + 1) };
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(":");
  if (lastColon > rest.lastIndexOf("/")) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!tag) return undefined;
  }
  if (!rest) return undefined;
  const slash = rest.indexOf("/");
  const first = slash >= 0 ? rest.slice(0, slash) : "";
  const registry = slash >= 0 && isRegistryHost(first) ? first : undefined;
  const repository = registry ? rest.slice(slash + 1) : rest;
  if (!repository) return undefined;
  const hub = !registry || DOCKER_HUB_ALIASES.has(registry.toLowerCase());
  const path = hub && !repository.includes("/") ? `library/${repository}` : repository;
  const normalized = `${hub ? "docker.io" : registry!.toLowerCase()}/${path}`;
  return { raw, registry, repository, tag, digest, normalized };
};

/** The last path component of the repository: "tiller" for "gcr.io/kubernetes-helm/tiller:v2.8.0". */
export const imageName = (ref: ImageRef): string => ref.repository.slice(ref.repository.lastIndexOf("/") + 1).toLowerCase();

/** Lengths the OCI image spec fixes for registered algorithms; other algorithms only need a well-formed encoding. */
const REGISTERED: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/, blake3: /^[a-f0-9]{64}$/ };

/** Whether the digest is well formed per the OCI image spec (a malformed one pins nothing: the pull fails). */
export const isValidDigest = (d: NonNullable<ImageRef["digest"]>): boolean => {
  if (!/^[a-z0-9]+(?:[+._-][a-z0-9]+)*$/.test(d.algorithm)) return false;
  const known = REGISTERED[d.algorithm];
  return known ? known.test(d.encoded) : /^[a-zA-Z0-9=_-]+$/.test(d.encoded);
};

const normalizePrefix = (prefix: string): string => {
  const p = prefix.trim().toLowerCase();
  const slash = p.indexOf("/");
  const host = slash >= 0 ? p.slice(0, slash) : p;
  return DOCKER_HUB_ALIASES.has(host) ? `docker.io${slash >= 0 ? p.slice(slash) : ""}` : p;
};

/**
 * Prefix match of the normalized reference against an allow-list entry ("registry.corp.example/", "docker.io/bitnami/").
 * An entry without a trailing "/" still only matches at a path boundary, so "registry.corp" does not allow "registry.corp.evil.example/x".
 */
export const matchesPrefix = (ref: ImageRef, prefix: string): boolean => {
  const p = normalizePrefix(prefix);
  if (!p) return false;
  const n = ref.normalized.toLowerCase();
  if (!n.startsWith(p)) return false;
  return p.endsWith("/") || n.length === p.length || n[p.length] === "/";
};
