import { describe, expect, it } from "vitest";
import { suggestPatch } from "./suggest-patch";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  uid: 0b6e
  resourceVersion: "42"
spec:
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
    - name: sidecar
      image: envoy:1.2
status:
  phase: Running
`;

describe("suggestPatch", () => {
  it("turns privileged off in the container the evidence points at", () => {
    const s = suggestPatch({ ruleName: "privileged-container", evidence: [{ path: "spec.containers[0].securityContext.privileged", value: true }], objectYaml: POD });
    expect(s).toMatchObject({ kind: "patch", changedLines: [10] });
    expect(s?.kind === "patch" && s.yaml).not.toMatch(/status:|uid:|resourceVersion:/);
    expect(s?.kind === "patch" && s.yaml).toContain("privileged: false");
    expect(s?.kind === "patch" && s.yaml).not.toContain("privileged: true");
  });

  it("adds a missing field, creating the securityContext", () => {
    const s = suggestPatch({ ruleName: "readonly-root-filesystem", evidence: [{ path: "spec.containers[1].securityContext.readOnlyRootFilesystem" }], objectYaml: POD });
    expect(s?.kind).toBe("patch");
    if (s?.kind !== "patch") return;
    expect(s.yaml).toMatch(/- name: sidecar\n\s+image: envoy:1.2\n\s+securityContext:\n\s+readOnlyRootFilesystem: true/);
    expect(s.changedLines).toHaveLength(1);
  });

  it("sets runAsNonRoot and allowPrivilegeEscalation to their safe values", () => {
    const nonRoot = suggestPatch({ ruleName: "run-as-non-root-not-set", evidence: [{ path: "spec.containers[0].securityContext.runAsNonRoot" }], objectYaml: POD });
    const escalation = suggestPatch({ ruleName: "allow-privilege-escalation", evidence: [{ path: "spec.containers[0].securityContext.allowPrivilegeEscalation" }], objectYaml: POD });
    expect(nonRoot?.kind === "patch" && nonRoot.yaml).toContain("runAsNonRoot: true");
    expect(escalation?.kind === "patch" && escalation.yaml).toContain("allowPrivilegeEscalation: false");
  });

  it("only says what to pin for an image tag", () => {
    const s = suggestPatch({ ruleName: "image-tag-latest-or-missing", evidence: [{ path: "spec.containers[0].image", value: "nginx:latest" }], objectYaml: POD });
    expect(s).toMatchObject({ kind: "advice" });
    expect(s?.summary).toContain("nginx:<version>");
  });

  it("has nothing to suggest for other rules, or without the object", () => {
    expect(suggestPatch({ ruleName: "namespace-without-networkpolicy", evidence: [{ path: "metadata.name" }], objectYaml: POD })).toBeNull();
    expect(suggestPatch({ ruleName: "privileged-container", evidence: [{ path: "spec.containers[0].securityContext.privileged" }], objectYaml: null })).toBeNull();
  });
});
