import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CLUSTER_DIR, type SimHandle, startSimulator } from "./index";

/**
 * A second, independent client: kubectl. Debian's package is `kubernetes-client` (kubectl 1.20); set
 * TOWER_KUBECTL to its path when another kubectl owns /usr/bin/kubectl. Every distinct kubectl found runs.
 */
const candidates = [process.env.TOWER_KUBECTL, "/opt/kubernetes-client/usr/bin/kubectl", "/usr/bin/kubectl", "kubectl"].filter((c): c is string => !!c);
const works = (bin: string) => {
  try {
    return execFileSync(bin, ["version", "--client"], { stdio: ["ignore", "pipe", "ignore"], timeout: 20_000 }).toString().match(/v\d+\.\d+\.\d+/)?.[0];
  } catch {
    return undefined;
  }
};
const found = new Map<string, [string, string]>();
for (const bin of candidates) {
  const version = works(bin);
  if (version && !found.has(version)) found.set(version, [bin, `${bin} ${version}`]);
}
const kubectls = [...found.values()];
if (!kubectls.length) console.warn("skipped: kubectl not found (install Debian's kubernetes-client, or set TOWER_KUBECTL)");

const run = (bin: string, args: string[]): Promise<{ code: number; out: string; err: string }> =>
  new Promise((resolve) => {
    execFile(bin, args, { timeout: 30_000, env: { ...process.env, KUBECONFIG: "", HOME: os.tmpdir() } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });

const POD_COUNT = fs.readdirSync(DEMO_CLUSTER_DIR).reduce((n, f) => n + (fs.readFileSync(path.join(DEMO_CLUSTER_DIR, f), "utf8").match(/^kind: Pod$/gm)?.length ?? 0), 0);

describe.skipIf(!kubectls.length)("kubectl against the simulator", () => {
  let sim: SimHandle;
  let dir: string;
  let kc: string;
  beforeAll(async () => {
    sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, pageSizeMax: 50, forbidden: [{ group: "", resource: "configmaps", namespace: "kube-system" }] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tower-kubectl-"));
    kc = path.join(dir, "kubeconfig");
    fs.writeFileSync(kc, sim.kubeconfig);
    fs.writeFileSync(path.join(dir, "kubeconfig-cert"), sim.kubeconfigFor({ clientCert: true }));
    fs.writeFileSync(path.join(dir, "kubeconfig-wrong-ca"), sim.kubeconfigFor({ wrongCa: true }));
    fs.writeFileSync(path.join(dir, "kubeconfig-bad-token"), sim.kubeconfigFor({ token: "expired" }));
  });
  afterAll(async () => {
    await sim?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe.each(kubectls.map(([bin, label]) => ({ bin, label })))("$label", ({ bin }) => {
    const k = (...args: string[]) => run(bin, ["--kubeconfig", kc, "--cache-dir", path.join(dir, `cache-${path.basename(bin)}`), ...args]);

    it("gets pods in all namespaces (paged by the server at 50)", async () => {
      const r = await k("get", "pods", "-A");
      expect(r.err).toBe("");
      expect(r.out).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
      expect(r.out).toContain("debug-tools");
      expect(r.out).toContain("postgres-0");
      expect(r.out).toMatch(/kube-system\s+kube-apiserver-cp-1/);
      expect(r.out.trim().split("\n").length - 1).toBe(POD_COUNT);
    });

    it("gets cluster role bindings and secrets", async () => {
      const crb = await k("get", "clusterrolebindings");
      expect(crb.out).toMatch(/developers-cluster-admin\s+ClusterRole\/cluster-admin/);
      const secrets = await k("get", "secrets", "-A");
      expect(secrets.out).toMatch(/shop\s+postgres-credentials\s+Opaque\s+2/);
      expect(secrets.out).toContain("kubernetes.io/service-account-token");
    });

    it("lists an empty namespace, custom resources and single objects", async () => {
      expect((await k("get", "pods", "-n", "nowhere")).err).toContain("No resources found");
      expect((await k("get", "peerauthentications", "-A")).out).toMatch(/istio-system\s+default/);
      expect((await k("get", "deploy", "frontend", "-n", "shop", "-o", "jsonpath={.spec.replicas}")).out).toBe("3");
      expect((await k("get", "deploy", "nope", "-n", "shop")).err).toContain('deployments.apps "nope" not found');
    });

    it("shows Forbidden, Unauthorized and TLS failures as kubectl users know them", async () => {
      const forbidden = await k("get", "configmaps", "-n", "kube-system");
      expect(forbidden.err).toContain('configmaps is forbidden: User "tower-sim" cannot list resource "configmaps" in API group "" in the namespace "kube-system"');
      const asCert = await run(bin, ["--kubeconfig", path.join(dir, "kubeconfig-cert"), "get", "nodes"]);
      expect(asCert.out).toContain("worker-b2");
      const unauthorized = await run(bin, ["--kubeconfig", path.join(dir, "kubeconfig-bad-token"), "get", "pods"]);
      expect(unauthorized.err).toMatch(/Unauthorized/);
      const tls = await run(bin, ["--kubeconfig", path.join(dir, "kubeconfig-wrong-ca"), "get", "pods", "--request-timeout=10s"]);
      expect(tls.err).toMatch(/certificate signed by unknown authority|x509/);
    });
  });
});
