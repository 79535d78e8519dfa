import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLUSTER_DIR, type SimHandle, startSimulator } from "../sim/index";
import { ClusterAccessError, collectCluster } from "./collect";

const fast = { retries: 2, backoffMs: 10, timeoutMs: 5_000 };

const expectAccessError = async (p: Promise<unknown>, reason: string, message: RegExp) => {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(ClusterAccessError);
  expect((err as ClusterAccessError).reason).toBe(reason);
  expect((err as Error).message).toMatch(message);
};

describe("collectCluster against the simulator", () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSimulator({ dir: DEMO_CLUSTER_DIR });
  });
  afterAll(() => sim.close());

  it("reads version, discovery, nodes and every object the rules need, in small pages", async () => {
    const before = sim.requests.length;
    const progress: string[] = [];
    const r = await collectCluster({ kubeconfig: sim.kubeconfig, pageSize: 7, ...fast, onProgress: (p) => progress.push(p.resource) });
    const requests = sim.requests.slice(before);
    expect(r.facts.serverVersion).toMatchObject({ major: "1", minor: "28", gitVersion: "v1.28.4" });
    expect(r.facts.nodes).toHaveLength(5);
    expect(r.facts.nodes?.find((n) => n.name === "worker-b2")).toMatchObject({ kubeletVersion: "v1.27.3", containerRuntimeVersion: "containerd://1.6.8" });
    expect(r.facts.apiResources?.some((a) => a.group === "security.istio.io" && a.resource === "peerauthentications" && a.namespaced)).toBe(true);
    const kinds = new Set(r.objects.map((o) => o.obj.kind));
    for (const k of ["Pod", "Deployment", "ReplicaSet", "ClusterRoleBinding", "Secret", "ConfigMap", "NetworkPolicy", "Ingress", "PeerAuthentication", "AuthorizationPolicy", "VulnerabilityReport", "MutatingWebhookConfiguration", "CustomResourceDefinition", "Node"]) {
      expect(kinds, k).toContain(k);
    }
    const pods = r.objects.filter((o) => o.obj.kind === "Pod");
    expect(pods).toHaveLength(74);
    expect(pods.every((p) => p.obj.apiVersion === "v1")).toBe(true);
    expect(requests.filter((q) => q.path.startsWith("/api/v1/pods?") && q.path.includes("continue=")).length).toBe(Math.ceil(74 / 7) - 1);
    expect(requests.every((q) => !q.path.includes("limit=") || q.path.includes("limit=7"))).toBe(true);
    expect(r.coverage.every((c) => c.status === "ok")).toBe(true);
    expect(progress).toContain("pods");
  });

  it("never lets secret values in: metadata-only lists, types by field selector, last-applied redacted", async () => {
    const before = sim.requests.length;
    const r = await collectCluster({ kubeconfig: sim.kubeconfig, ...fast });
    const secretRequests = sim.requests.slice(before).filter((q) => q.path.startsWith("/api/v1/secrets"));
    expect(secretRequests.length).toBeGreaterThan(1);
    expect(secretRequests.every((q) => q.accept?.startsWith("application/json;as=PartialObjectMetadataList"))).toBe(true);
    const secrets = r.objects.filter((o) => o.obj.kind === "Secret").map((o) => o.obj);
    expect(secrets.length).toBeGreaterThan(15);
    expect(secrets.every((s) => s.data === undefined && s.stringData === undefined)).toBe(true);
    expect(secrets.find((s) => s.metadata?.name === "ci-bot-token")?.type).toBe("kubernetes.io/service-account-token");
    expect(secrets.find((s) => s.metadata?.name === "istio-ca-secret")?.type).toBeUndefined();
    const stripe = secrets.find((s) => s.metadata?.name === "payments-stripe");
    expect(stripe?.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toMatch(/^\[redacted: \d+ chars\]$/);
    expect(JSON.stringify(r.objects)).not.toContain("RkFLRS1wYXltZW50cy1zdHJpcGUtYXBpLWtleQ");
  });

  it("restarts a list from scratch when its continue token expires (410)", async () => {
    sim.update({ expireContinue: { times: 2, resource: "pods" } });
    const before = sim.requests.length;
    const r = await collectCluster({ kubeconfig: sim.kubeconfig, pageSize: 20, ...fast });
    const podRequests = sim.requests.slice(before).filter((q) => q.path.startsWith("/api/v1/pods?"));
    expect(podRequests.filter((q) => q.status === 410)).toHaveLength(2);
    expect(r.objects.filter((o) => o.obj.kind === "Pod")).toHaveLength(74);
    expect(r.coverage.find((c) => c.resource === "pods")?.status).toBe("ok");
  });

  it("records a 403 on one resource type as a coverage gap, not a failure", async () => {
    sim.update({ forbidden: [{ group: "rbac.authorization.k8s.io", resource: "clusterrolebindings" }, { group: "", resource: "secrets" }] });
    try {
      const r = await collectCluster({ kubeconfig: sim.kubeconfig, ...fast });
      expect(r.coverage.find((c) => c.resource === "clusterrolebindings.rbac.authorization.k8s.io")).toMatchObject({ status: "forbidden" });
      expect(r.coverage.find((c) => c.resource === "secrets")?.message).toContain('User "tower-sim" cannot list resource "secrets"');
      expect(r.objects.some((o) => o.obj.kind === "ClusterRoleBinding")).toBe(false);
      expect(r.objects.some((o) => o.obj.kind === "ClusterRole")).toBe(true);
    } finally {
      sim.update({ forbidden: [] });
    }
  });

  it("retries 5xx with backoff and gives up after the bounded number of attempts", async () => {
    sim.update({ failures: [{ path: "^/apis/apps/v1/deployments", status: 503, times: 2 }] });
    const ok = await collectCluster({ kubeconfig: sim.kubeconfig, ...fast });
    expect(ok.coverage.find((c) => c.resource === "deployments.apps")?.status).toBe("ok");
    sim.update({ failures: [{ path: "^/apis/apps/v1/statefulsets", status: 500, times: 10 }] });
    const failed = await collectCluster({ kubeconfig: sim.kubeconfig, ...fast });
    expect(failed.coverage.find((c) => c.resource === "statefulsets.apps")).toMatchObject({ status: "error" });
    sim.update({ failures: [] });
  });

  it("times out a request that never answers", async () => {
    sim.update({ failures: [{ path: "^/version", status: 0, times: 3, delayMs: 1_500 }] });
    await expectAccessError(collectCluster({ kubeconfig: sim.kubeconfig, retries: 1, backoffMs: 10, timeoutMs: 300 }), "timeout", /did not answer within 300 ms/);
    sim.update({ failures: [] });
  });

  it("fails clearly on a wrong CA, expired credentials and an unreachable server", async () => {
    await expectAccessError(collectCluster({ kubeconfig: sim.kubeconfigFor({ wrongCa: true }), ...fast }), "tls", /TLS verification/);
    await expectAccessError(collectCluster({ kubeconfig: sim.kubeconfigFor({ token: "expired-token" }), ...fast }), "unauthorized", /401/);
    const gone = await startSimulator({ objects: [] });
    const kubeconfig = gone.kubeconfig;
    await gone.close();
    await expectAccessError(collectCluster({ kubeconfig, ...fast }), "unreachable", /ECONNREFUSED/);
  });

  it("authenticates with a client certificate", async () => {
    const r = await collectCluster({ kubeconfig: sim.kubeconfigFor({ clientCert: true }), ...fast });
    expect(r.objects.length).toBeGreaterThan(400);
  });

  it("refuses exec and auth-provider users unless the command is allowed, and local files in uploaded kubeconfigs", async () => {
    const execUser = sim.kubeconfig.replace(/token: .*/, "exec:\n        apiVersion: client.authentication.k8s.io/v1\n        command: aws\n        args: [eks, get-token]");
    await expectAccessError(collectCluster({ kubeconfig: execUser }), "config", /running "aws".*refused/);
    const provider = sim.kubeconfig.replace(/token: .*/, "auth-provider:\n        name: gcp\n        config:\n          cmd-path: /usr/bin/gcloud");
    await expectAccessError(collectCluster({ kubeconfig: provider }), "config", /"gcp" auth-provider/);
    const files = sim.kubeconfig.replace(/certificate-authority-data: .*/, "certificate-authority: /etc/ssl/certs/ca-certificates.crt");
    await expectAccessError(collectCluster({ kubeconfig: files }), "config", /refers to files/);
    await expectAccessError(collectCluster({ kubeconfig: sim.kubeconfig, context: "nope" }), "config", /no context "nope"/);
  });

  it("reads a kubeconfig from a path and selects the named context", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-kc-"));
    try {
      const file = path.join(dir, "config");
      fs.writeFileSync(file, sim.kubeconfigFor({ contextName: "prod-eu" }));
      const r = await collectCluster({ kubeconfigPath: file, context: "prod-eu", ...fast });
      expect(r.facts.serverVersion?.gitVersion).toBe("v1.28.4");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
