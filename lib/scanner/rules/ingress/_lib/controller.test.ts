import { describe, expect, it } from "vitest";
import { advisoriesFor, controllerImage, parseVersion } from "./controller";

const cves = (v: string) => advisoriesFor(parseVersion(v)!).map((a) => a.cve);

describe("ingress-nginx version data", () => {
  it("knows IngressNightmare is fixed in 1.11.5 and 1.12.1", () => {
    expect(cves("v1.11.4")).toContain("CVE-2025-1974");
    expect(cves("v1.12.0")).toContain("CVE-2025-1974");
    expect(cves("v1.10.6")).toContain("CVE-2025-1974");
    expect(cves("v1.11.5")).not.toContain("CVE-2025-1974");
    expect(cves("v1.12.1")).not.toContain("CVE-2025-1974");
    expect(cves("v1.13.0")).not.toContain("CVE-2025-1974");
  });
  it("finds the 2021-2023 CVEs on old releases", () => {
    expect(cves("v0.49.0")).toEqual(expect.arrayContaining(["CVE-2021-25742", "CVE-2023-5044", "CVE-2023-5043", "CVE-2022-4886"]));
    expect(cves("v0.49.1")).not.toContain("CVE-2021-25742");
    expect(cves("v1.9.0")).not.toContain("CVE-2023-5044");
  });
  it("reports nothing for the last fixed release", () => {
    expect(cves("v1.15.0")).toEqual([]);
  });
  it("recognises controller images, not F5 NGINX or plain nginx", () => {
    expect(controllerImage("registry.k8s.io/ingress-nginx/controller:v1.11.3@sha256:abc")).toEqual({ repo: "registry.k8s.io/ingress-nginx/controller", tag: "v1.11.3" });
    expect(controllerImage("k8s.gcr.io/ingress-nginx/controller:v0.49.0")?.tag).toBe("v0.49.0");
    expect(controllerImage("quay.io/kubernetes-ingress-controller/nginx-ingress-controller:0.26.1")?.tag).toBe("0.26.1");
    expect(controllerImage("nginx/nginx-ingress:3.4.0")).toBeUndefined();
    expect(controllerImage("nginx:1.21")).toBeUndefined();
  });
});
