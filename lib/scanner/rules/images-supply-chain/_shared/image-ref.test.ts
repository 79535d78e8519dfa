import { describe, expect, it } from "vitest";
import { imageName, isValidDigest, matchesPrefix, parseImageRef } from "./image-ref";

const SHA = "a".repeat(64);

describe("parseImageRef", () => {
  it.each([
    ["nginx", { registry: undefined, repository: "nginx", tag: undefined, normalized: "docker.io/library/nginx" }],
    ["nginx:1.25", { repository: "nginx", tag: "1.25", normalized: "docker.io/library/nginx" }],
    ["bitnami/redis:7.2", { registry: undefined, repository: "bitnami/redis", tag: "7.2", normalized: "docker.io/bitnami/redis" }],
    ["docker.io/nginx", { registry: "docker.io", repository: "nginx", normalized: "docker.io/library/nginx" }],
    ["index.docker.io/library/nginx:latest", { registry: "index.docker.io", tag: "latest", normalized: "docker.io/library/nginx" }],
    ["registry:5000/app", { registry: "registry:5000", repository: "app", tag: undefined, normalized: "registry:5000/app" }],
    ["registry:5000/app:2.0", { registry: "registry:5000", repository: "app", tag: "2.0" }],
    ["localhost/app", { registry: "localhost", repository: "app" }],
    ["localhost:5000/team/app:v1", { registry: "localhost:5000", repository: "team/app", tag: "v1" }],
    ["gcr.io/kubernetes-helm/tiller:v2.8.0", { registry: "gcr.io", repository: "kubernetes-helm/tiller", tag: "v2.8.0" }],
    ["Registry.Example.COM/App", { registry: "Registry.Example.COM", normalized: "registry.example.com/App" }],
  ])("%s", (raw, expected) => {
    expect(parseImageRef(raw)).toMatchObject(expected);
  });

  it("splits tag and digest", () => {
    const ref = parseImageRef(`registry.example.com:5000/app:1.0@sha256:${SHA}`);
    expect(ref).toMatchObject({ registry: "registry.example.com:5000", repository: "app", tag: "1.0", digest: { algorithm: "sha256", encoded: SHA } });
  });

  it("reads a digest without a tag, the port not being taken for a tag", () => {
    expect(parseImageRef(`registry:5000/app@sha256:${SHA}`)).toMatchObject({ registry: "registry:5000", repository: "app", tag: undefined });
  });

  it.each(["", "  ", "app:", "app@sha256", "app@:abc", "has space:1", ":1.0"])("rejects %j", (raw) => {
    expect(parseImageRef(raw)).toBeUndefined();
  });

  it("names the image by its last path component", () => {
    expect(imageName(parseImageRef("gcr.io/kubernetes-helm/tiller:v2.8.0")!)).toBe("tiller");
    expect(imageName(parseImageRef("tiller")!)).toBe("tiller");
  });
});

describe("isValidDigest", () => {
  it.each([
    ["sha256", SHA, true],
    ["sha256", "abc", false],
    ["sha256", "A".repeat(64), false],
    ["sha512", "a".repeat(128), true],
    ["sha512", "a".repeat(32), false],
    ["blake3", "a".repeat(64), true],
    ["blake3", "a".repeat(63), false],
    ["custom-algorithm", "a", true],
    ["Bad!", "abc", false],
  ])("%s:%s -> %s", (algorithm, encoded, ok) => {
    expect(isValidDigest({ algorithm, encoded })).toBe(ok);
  });
});

describe("matchesPrefix", () => {
  const ref = (s: string) => parseImageRef(s)!;
  it("matches after Docker Hub normalisation", () => {
    expect(matchesPrefix(ref("nginx:1.25"), "docker.io/library/")).toBe(true);
    expect(matchesPrefix(ref("bitnami/redis"), "index.docker.io/bitnami/")).toBe(true);
    expect(matchesPrefix(ref("bitnami/redis"), "docker.io/library/")).toBe(false);
  });
  it("matches only at a path boundary", () => {
    expect(matchesPrefix(ref("registry.corp/app"), "registry.corp")).toBe(true);
    expect(matchesPrefix(ref("registry.corp.evil.example/app"), "registry.corp")).toBe(false);
    expect(matchesPrefix(ref("internal-registry-attacker/app"), "docker.io/internal-registry")).toBe(false);
  });
  it("keeps the port in the host", () => {
    expect(matchesPrefix(ref("registry:5000/app"), "registry:5000/")).toBe(true);
    expect(matchesPrefix(ref("registry:5001/app"), "registry:5000/")).toBe(false);
  });
});
