import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { auditPolicyYaml, webhookKubeconfigYaml } from "./index";

type Rule = { level: string; resources?: { group: string; resources: string[] }[]; users?: string[]; userGroups?: string[]; verbs?: string[]; nonResourceURLs?: string[] };
/** The rule a write by an ordinary user to group/resource meets first. */
const firstRuleFor = (rules: Rule[], group: string, resource: string) =>
  rules.find((r) => !r.users && !r.userGroups && !r.nonResourceURLs && (!r.verbs || r.verbs.includes("create")) && (!r.resources || r.resources.some((g) => g.group === group && g.resources.includes(resource))));

describe("recommended audit policy", () => {
  const policy = YAML.parse(auditPolicyYaml()) as { kind: string; omitStages: string[]; rules: Rule[] };

  it("never logs secret values: secrets, configmaps and token reviews stop at Metadata", () => {
    expect(policy.kind).toBe("Policy");
    expect(firstRuleFor(policy.rules, "", "secrets")?.level).toBe("Metadata");
    expect(firstRuleFor(policy.rules, "", "configmaps")?.level).toBe("Metadata");
    expect(firstRuleFor(policy.rules, "authentication.k8s.io", "tokenreviews")?.level).toBe("Metadata");
  });

  it("logs RBAC, exec and admission webhooks in full", () => {
    for (const [g, r] of [["rbac.authorization.k8s.io", "clusterrolebindings"], ["", "pods/exec"], ["", "pods/portforward"], ["admissionregistration.k8s.io", "mutatingwebhookconfigurations"]]) {
      expect(firstRuleFor(policy.rules, g, r)?.level).toBe("RequestResponse");
    }
    expect(policy.omitStages).toEqual(["RequestReceived"]);
  });

  it("the webhook kubeconfig points at the cluster's ingest URL with the token", () => {
    const k = YAML.parse(webhookKubeconfigYaml({ towerUrl: "https://tower.example.com/", clusterId: "c1", token: "twa_x" }));
    expect(k.clusters[0].cluster.server).toBe("https://tower.example.com/api/v1/audit/ingest/c1");
    expect(k.users[0].user.token).toBe("twa_x");
  });
});
