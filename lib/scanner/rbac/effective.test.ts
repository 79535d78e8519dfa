import { describe, expect, it } from "vitest";
import { buildSnapshot } from "../snapshot";
import type { K8sObject } from "../types";
import { can, effectivePermissions } from "./effective";
import { ANY_NAME, ruleAllows } from "./match";
import type { PolicyRule, Subject } from "./model";
import { describeWorkload, workloadsByServiceAccount } from "./workloads";

const RBAC = "rbac.authorization.k8s.io/v1";
const rule = (verbs: string[], resources: string[], apiGroups = [""], resourceNames: string[] = []): PolicyRule => ({ verbs, resources, apiGroups, resourceNames, nonResourceURLs: [] });
const cr = (name: string, rules: object[], extra: Partial<K8sObject> = {}): K8sObject => ({ apiVersion: RBAC, kind: "ClusterRole", metadata: { name, ...(extra.metadata ?? {}) }, rules, ...(extra.aggregationRule ? { aggregationRule: extra.aggregationRule } : {}) });
const role = (namespace: string, name: string, rules: object[]): K8sObject => ({ apiVersion: RBAC, kind: "Role", metadata: { name, namespace }, rules });
const ref = (kind: string, name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });
const crb = (name: string, roleName: string, subjects: object[]): K8sObject => ({ apiVersion: RBAC, kind: "ClusterRoleBinding", metadata: { name }, roleRef: ref("ClusterRole", roleName), subjects });
const rb = (namespace: string, name: string, kind: string, roleName: string, subjects: object[]): K8sObject => ({ apiVersion: RBAC, kind: "RoleBinding", metadata: { name, namespace }, roleRef: ref(kind, roleName), subjects });
const snap = (...objects: K8sObject[]) => buildSnapshot(objects.map((obj) => ({ obj })));
const sa = (namespace: string, name: string): Subject => ({ kind: "ServiceAccount", name, namespace });
const secrets = (namespace?: string) => ({ verb: "get", group: "", resource: "secrets", namespace });

describe("rule matching", () => {
  it("follows Kubernetes: '*' or exact, '*/sub' for a subresource of any resource, never 'pods/*'", () => {
    expect(ruleAllows(rule(["create"], ["*"]), { verb: "create", group: "", resource: "pods/exec" })).toBe(true);
    expect(ruleAllows(rule(["create"], ["*/exec"]), { verb: "create", group: "", resource: "pods/exec" })).toBe(true);
    expect(ruleAllows(rule(["create"], ["pods/*"]), { verb: "create", group: "", resource: "pods/exec" })).toBe(false);
    expect(ruleAllows(rule(["create"], ["pods"]), { verb: "create", group: "", resource: "pods/exec" })).toBe(false);
    expect(ruleAllows(rule(["*"], ["pods"], ["apps"]), { verb: "get", group: "", resource: "pods" })).toBe(false);
  });

  it("treats resourceNames as a restriction unless the question is about any name", () => {
    const named = rule(["get"], ["secrets"], [""], ["tls"]);
    expect(ruleAllows(named, { verb: "get", group: "", resource: "secrets" })).toBe(false);
    expect(ruleAllows(named, { verb: "get", group: "", resource: "secrets", name: "tls" })).toBe(true);
    expect(ruleAllows(named, { verb: "get", group: "", resource: "secrets", name: ANY_NAME })).toBe(true);
  });
});

describe("effective permissions", () => {
  it("aggregates ClusterRoles by label selector, transitively, and survives cycles", () => {
    const s = snap(
      cr("top", [], { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { agg: "top" } }] } }),
      cr("middle", [], { metadata: { name: "middle", labels: { agg: "top" } }, aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: "agg", operator: "In", values: ["middle"] }] }] } }),
      cr("leaf", [rule(["get"], ["secrets"])], { metadata: { name: "leaf", labels: { agg: "middle" } } }),
      cr("loop", [], { metadata: { name: "loop", labels: { agg: "top" } }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { agg: "top" } }] } }),
      crb("b", "top", [{ kind: "User", name: "alice" }]),
    );
    const perms = effectivePermissions(s);
    expect(can(perms, { kind: "User", name: "alice" }, secrets())?.rule.roleName).toBe("leaf");
    expect(perms.isBound(perms.roles.get("ClusterRole", undefined, "leaf")!)).toBe(true);
    expect(effectivePermissions(s)).toBe(perms);
  });

  it("scopes RoleBindings to their namespace and ServiceAccounts to their groups", () => {
    const s = snap(
      cr("reader", [rule(["get"], ["secrets"])]),
      rb("shop", "b1", "ClusterRole", "reader", [{ kind: "Group", name: "system:serviceaccounts:shop" }]),
      role("web", "r", [rule(["get"], ["secrets"])]),
      rb("web", "b2", "Role", "r", [{ kind: "ServiceAccount", name: "api", namespace: "web" }]),
      rb("web", "b3", "Role", "missing", [{ kind: "User", name: "bob" }]),
    );
    const perms = effectivePermissions(s);
    expect(can(perms, sa("shop", "default"), secrets("shop"))?.grant.binding.name).toBe("b1");
    expect(can(perms, sa("shop", "default"), secrets("web"))).toBeUndefined();
    expect(can(perms, sa("shop", "default"), secrets())).toBeUndefined();
    expect(can(perms, sa("web", "api"), secrets("web"))?.grant.binding.name).toBe("b2");
    expect(can(perms, { kind: "User", name: "bob" }, secrets("web"))).toBeUndefined();
  });

  it("assumes the built-in ClusterRoles when the snapshot lacks them", () => {
    const perms = effectivePermissions(snap(rb("shop", "e", "ClusterRole", "edit", [{ kind: "User", name: "carol" }])));
    const carol: Subject = { kind: "User", name: "carol" };
    expect(can(perms, carol, { verb: "create", group: "", resource: "pods/exec", namespace: "shop" })?.grant.role.builtin).toBe(true);
    expect(can(perms, carol, { verb: "get", group: "", resource: "pods", namespace: "shop" })?.rule.roleName).toBe("view");
    expect(can(perms, carol, { verb: "create", group: "rbac.authorization.k8s.io", resource: "rolebindings", namespace: "shop" })).toBeUndefined();
  });
});

describe("workloads by ServiceAccount", () => {
  it("indexes top-level workloads with their ServiceAccount (default 'default') and token mounting", () => {
    const deploy: K8sObject = { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop" }, spec: { template: { spec: { serviceAccountName: "api", containers: [{ name: "c" }] } } } };
    const owned: K8sObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-1", namespace: "shop", ownerReferences: [{ kind: "Deployment", name: "web", controller: true }] }, spec: { template: { spec: { serviceAccountName: "api", containers: [{ name: "c" }] } } } };
    const pod: K8sObject = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "shop" }, spec: { automountServiceAccountToken: false, containers: [{ name: "c" }] } };
    const index = workloadsByServiceAccount(snap(deploy, owned, pod));
    expect(index.get("shop/api")?.map((w) => describeWorkload(w))).toEqual(["pods of Deployment 'web' in namespace 'shop'"]);
    expect(index.get("shop/default")?.map((w) => [w.saPath, w.mountsToken])).toEqual([["spec", false]]);
  });
});

describe("performance", () => {
  // Generous bound: CI machines are shared; an all-pairs join over 30k objects would take minutes, not seconds.
  it("stays linear on a large snapshot", () => {
    const objects: K8sObject[] = [];
    for (let i = 0; i < 10000; i++) {
      const ns = `ns-${i % 500}`;
      objects.push(role(ns, `r-${i}`, [rule(["get"], ["pods"])]), rb(ns, `b-${i}`, "Role", `r-${i}`, [{ kind: "ServiceAccount", name: `sa-${i}`, namespace: ns }]));
      objects.push(cr(`c-${i}`, [rule(["list"], ["secrets"])], { metadata: { name: `c-${i}`, labels: { agg: `${i % 10}` } } }));
    }
    for (let i = 0; i < 10; i++) objects.push(cr(`agg-${i}`, [], { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { agg: `${i}` } }] } }));
    const started = performance.now();
    const perms = effectivePermissions(snap(...objects));
    expect(perms.grants.length).toBe(10000);
    expect(perms.roles.get("ClusterRole", undefined, "agg-3")?.rules.length).toBe(1000);
    expect(performance.now() - started).toBeLessThan(15000);
  });
});
