import { describe, expect, it } from "vitest";
import { locateYamlPath, markYamlLines, orderTopLevelKeys, parsePath } from "./yaml-path";

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    sidecar.istio.io/inject: "false"
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: app
          image: nginx:latest
        - name: sidecar
          image: envoy:1.2
          securityContext:
            privileged: true
            capabilities:
              drop:
                - NET_RAW
`;

describe("parsePath", () => {
  it("splits keys, indexes and quoted keys", () => {
    expect(parsePath('spec.containers[1].securityContext["a.b"]')).toEqual([{ key: "spec" }, { key: "containers" }, { index: 1 }, { key: "securityContext" }, { key: "a.b" }]);
  });
});

describe("locateYamlPath", () => {
  it("finds a scalar field inside a list item", () => {
    expect(locateYamlPath(DEPLOYMENT, "spec.template.spec.containers[1].securityContext.privileged")).toEqual({ start: 17, end: 17, exact: true, matched: "spec.template.spec.containers[1].securityContext.privileged" });
  });

  it("covers every line of a nested value", () => {
    expect(locateYamlPath(DEPLOYMENT, "spec.template.spec.containers[1].securityContext.capabilities.drop")).toMatchObject({ start: 19, end: 20, exact: true });
  });

  it("points at the first container's image", () => {
    expect(locateYamlPath(DEPLOYMENT, "spec.template.spec.containers[0].image")).toMatchObject({ start: 13, end: 13, exact: true });
  });

  it("matches keys that contain dots", () => {
    expect(locateYamlPath(DEPLOYMENT, "metadata.annotations.sidecar.istio.io/inject")).toMatchObject({ start: 6, end: 6, exact: true });
  });

  it("falls back to the deepest existing parent for a missing field", () => {
    expect(locateYamlPath(DEPLOYMENT, "spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem")).toEqual({ start: 12, end: 12, exact: false, matched: "spec.template.spec.containers[0]" });
  });

  it("returns null when nothing matches and on empty input", () => {
    expect(locateYamlPath(DEPLOYMENT, "status.phase")).toBeNull();
    expect(locateYamlPath("", "spec")).toBeNull();
  });
});

describe("markYamlLines", () => {
  it("marks exact lines over parent lines", () => {
    const marks = markYamlLines(DEPLOYMENT, ["spec.template.spec.hostPID", "spec.template.spec.containers[1].securityContext.runAsNonRoot", "spec.template.spec.containers[1].securityContext.privileged"]);
    expect(marks.get(10)).toBe("exact");
    expect(marks.get(16)).toBe("parent");
    expect(marks.get(17)).toBe("exact");
    expect(marks.has(1)).toBe(false);
  });
});

describe("orderTopLevelKeys", () => {
  it("puts apiVersion, kind and metadata first and status last, keeping nested order", () => {
    const out = orderTopLevelKeys("spec:\n  b: 1\n  a: 2\nkind: Pod\nstatus:\n  phase: Running\nmetadata:\n  name: x\napiVersion: v1\n");
    expect(out).toBe("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  b: 1\n  a: 2\nstatus:\n  phase: Running\n");
  });

  it("leaves text that is not a mapping alone", () => {
    expect(orderTopLevelKeys("- a\n- b\n")).toBe("- a\n- b\n");
  });
});
