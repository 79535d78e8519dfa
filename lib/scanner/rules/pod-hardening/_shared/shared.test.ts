import { describe, expect, it } from "vitest";
import { normaliseCapability } from "./capabilities";
import { isAtOrBelow, normaliseHostPath } from "./host-paths";
import { selectorMatches } from "./label-selector";
import { matchPath, RUNTIME_SOCKET_PATHS, SENSITIVE_HOST_PATHS } from "./sensitive-paths";

describe("pod-hardening shared helpers", () => {
  it("normalises capabilities: case, whitespace and the CAP_ prefix", () => {
    expect(["cap_sys_admin", " Sys_Admin ", "CAP_SYS_ADMIN"].map(normaliseCapability)).toEqual(["SYS_ADMIN", "SYS_ADMIN", "SYS_ADMIN"]);
    expect([42, "", null].map(normaliseCapability)).toEqual([undefined, undefined, undefined]);
  });

  it("normalises host paths so look-alikes compare equal", () => {
    expect(normaliseHostPath("/var/run//docker.sock/")).toBe("/var/run/docker.sock");
    expect(normaliseHostPath("/var/lib/../run/./docker.sock")).toBe("/var/run/docker.sock");
    expect(normaliseHostPath("")).toBe("/");
    expect(normaliseHostPath("\\\\.\\PIPE\\Docker_Engine")).toBe("\\\\.\\pipe\\docker_engine");
    expect(isAtOrBelow("/etc/kubernetes/pki", "/etc/kubernetes")).toBe(true);
    expect(isAtOrBelow("/etc/kubernetes-backup", "/etc/kubernetes")).toBe(false);
  });

  it("matches runtime sockets and sensitive paths, most specific entry first", () => {
    expect(matchPath(RUNTIME_SOCKET_PATHS, "/run/containerd/containerd.sock")?.path).toBe("/run/containerd");
    expect(matchPath(RUNTIME_SOCKET_PATHS, "/run/xtables.lock")).toBeUndefined();
    expect(matchPath(SENSITIVE_HOST_PATHS, "/etc/kubernetes/admin.conf")?.path).toBe("/etc/kubernetes");
    expect(matchPath(SENSITIVE_HOST_PATHS, "/etc/localtime")).toBeUndefined();
    expect(matchPath(SENSITIVE_HOST_PATHS, "/sys/fs/cgroup")).toBeUndefined();
  });

  it("evaluates label selectors like Kubernetes", () => {
    const labels = { team: "a", "kubernetes.io/metadata.name": "shop" };
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: { team: "a" } }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["shop"] }] }, labels)).toBe(false);
    expect(selectorMatches({ matchExpressions: [{ key: "env", operator: "DoesNotExist" }] }, labels)).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: "team", operator: "Gt", values: ["1"] }] }, labels)).toBe(false);
  });
});
