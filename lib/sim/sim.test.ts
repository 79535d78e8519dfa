import https from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simCerts } from "./certs";
import { DEMO_CLUSTER_DIR, type SimHandle, startSimulator } from "./index";

type Reply = { status: number; body: any; headers: Record<string, unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any

const call = (sim: SimHandle, path: string, o: { accept?: string; token?: string | null; method?: string; body?: unknown; clientCert?: boolean } = {}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const certs = simCerts();
    const headers: Record<string, string> = { Accept: o.accept ?? "application/json" };
    if (o.token !== null && !o.clientCert) headers.Authorization = `Bearer ${o.token ?? sim.token}`;
    const req = https.request(`${sim.url}${path}`, {
      method: o.method ?? "GET", headers, ca: sim.caPem, agent: false,
      ...(o.clientCert ? { cert: certs.clientCert, key: certs.clientKey } : {}),
    }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // plain text (health endpoints)
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
      });
    });
    req.on("error", reject);
    req.end(o.body ? JSON.stringify(o.body) : undefined);
  });

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
const META = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1";

describe("simulator", () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSimulator({ dir: DEMO_CLUSTER_DIR, forbidden: [{ group: "rbac.authorization.k8s.io", resource: "clusterroles", verb: "list" }] });
  });
  afterAll(() => sim.close());

  it("serves health and version, even anonymously", async () => {
    expect((await call(sim, "/healthz", { token: null })).body).toBe("ok");
    const v = await call(sim, "/version", { token: null });
    expect(v.body).toMatchObject({ major: "1", minor: "28", gitVersion: "v1.28.4" });
  });

  it("serves discovery for core, built-in and custom groups", async () => {
    expect((await call(sim, "/api")).body).toMatchObject({ kind: "APIVersions", versions: ["v1"] });
    const groups = (await call(sim, "/apis")).body;
    const names = groups.groups.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(["apps", "rbac.authorization.k8s.io", "security.istio.io", "networking.istio.io", "aquasecurity.github.io", "acme.io"]));
    const istio = groups.groups.find((g: { name: string }) => g.name === "security.istio.io");
    expect(istio.preferredVersion.version).toBe("v1");
    const core = (await call(sim, "/api/v1")).body;
    const pods = core.resources.find((r: { name: string }) => r.name === "pods");
    expect(pods).toMatchObject({ singularName: "pod", namespaced: true, kind: "Pod", verbs: ["get", "list"], shortNames: ["po"] });
    expect(core.resources.find((r: { name: string }) => r.name === "podtemplates")).toBeDefined();
    const apps = (await call(sim, "/apis/apps/v1")).body;
    expect(apps).toMatchObject({ kind: "APIResourceList", groupVersion: "apps/v1" });
    expect((await call(sim, "/apis/nope.example.com/v1")).status).toBe(404);
  });

  it("answers aggregated-discovery-only requests with 406 and falls back to the plain form", async () => {
    const aggregated = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    expect((await call(sim, "/apis", { accept: aggregated })).status).toBe(406);
    const fallback = await call(sim, "/apis", { accept: `${aggregated},application/json` });
    expect(fallback.status).toBe(200);
    expect(fallback.body.kind).toBe("APIGroupList");
  });

  it("lists namespaced, cluster-wide and cluster-scoped resources and gets single objects", async () => {
    const shopPods = (await call(sim, "/api/v1/namespaces/shop/pods")).body;
    expect(shopPods.kind).toBe("PodList");
    expect(shopPods.items.length).toBeGreaterThan(10);
    expect(shopPods.items.every((p: { metadata: { namespace: string } }) => p.metadata.namespace === "shop")).toBe(true);
    expect(shopPods.items[0].kind).toBeUndefined();
    const allPods = (await call(sim, "/api/v1/pods")).body;
    expect(allPods.items.length).toBeGreaterThan(shopPods.items.length);
    expect((await call(sim, "/api/v1/namespaces/empty/pods")).body.items).toEqual([]);
    const node = (await call(sim, "/api/v1/nodes/worker-b2")).body;
    expect(node).toMatchObject({ kind: "Node", apiVersion: "v1", status: { nodeInfo: { kubeletVersion: "v1.27.3" } } });
    const pa = (await call(sim, "/apis/security.istio.io/v1/peerauthentications")).body;
    expect(pa.items[0]).toMatchObject({ apiVersion: "security.istio.io/v1", kind: "PeerAuthentication" });
    const missing = await call(sim, "/apis/apps/v1/namespaces/shop/deployments/nope");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ kind: "Status", reason: "NotFound", code: 404, message: 'deployments.apps "nope" not found' });
  });

  it("paginates with opaque continue tokens bound to the query", async () => {
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const q = `limit=7${token ? `&continue=${encodeURIComponent(token)}` : ""}`;
      const page = (await call(sim, `/api/v1/pods?${q}`)).body;
      expect(page.items.length).toBeLessThanOrEqual(7);
      expect(page.metadata.resourceVersion).toMatch(/^\d+$/);
      names.push(...page.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`));
      token = page.metadata.continue;
      pages++;
    } while (token && pages < 100);
    const all = (await call(sim, "/api/v1/pods")).body.items.map((p: { metadata: { namespace: string; name: string } }) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 7));
    const first = (await call(sim, "/api/v1/pods?limit=2")).body;
    const other = await call(sim, `/api/v1/configmaps?limit=2&continue=${encodeURIComponent(first.metadata.continue)}`);
    expect(other.status).toBe(400);
  });

  it("returns 410 Expired for a continue token when expiry is injected", async () => {
    const first = (await call(sim, "/api/v1/pods?limit=5")).body;
    sim.update({ expireContinue: { times: 1 } });
    const gone = await call(sim, `/api/v1/pods?limit=5&continue=${encodeURIComponent(first.metadata.continue)}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ kind: "Status", reason: "Expired", code: 410 });
    expect((await call(sim, `/api/v1/pods?limit=5&continue=${encodeURIComponent(first.metadata.continue)}`)).status).toBe(200);
  });

  it("filters with label and field selectors", async () => {
    const byLabel = (await call(sim, "/api/v1/namespaces/shop/pods?labelSelector=app%3Dfrontend")).body.items;
    expect(byLabel.length).toBe(3);
    const byIn = (await call(sim, `/api/v1/pods?labelSelector=${encodeURIComponent("app in (frontend,cart),app!=cart")}`)).body.items;
    expect(byIn.every((p: { metadata: { labels: Record<string, string> } }) => p.metadata.labels.app === "frontend")).toBe(true);
    const byName = (await call(sim, "/api/v1/namespaces?fieldSelector=metadata.name%3Dshop")).body.items;
    expect(byName.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual(["shop"]);
    const byNs = (await call(sim, "/api/v1/secrets?fieldSelector=metadata.namespace%3Ddata,type%3DOpaque")).body.items;
    expect(byNs.length).toBeGreaterThan(0);
    expect((await call(sim, "/api/v1/pods?fieldSelector=spec.bogus%3Dx")).status).toBe(400);
  });

  it("serves Table output with metadata-only row objects", async () => {
    const t = (await call(sim, "/api/v1/namespaces/shop/pods?limit=500", { accept: TABLE })).body;
    expect(t.kind).toBe("Table");
    expect(t.apiVersion).toBe("meta.k8s.io/v1");
    expect(t.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node"]);
    expect(t.rows[0].object.kind).toBe("PartialObjectMetadata");
    const secrets = (await call(sim, "/api/v1/namespaces/shop/secrets", { accept: TABLE })).body;
    expect(JSON.stringify(secrets)).not.toContain("RkFLRS1wb3N0Z3Jlcy");
    // As on a real server, the last-applied annotation still carries a copy: the collector must redact it.
    expect(JSON.stringify(secrets)).toContain("last-applied-configuration");
  });

  it("serves PartialObjectMetadataList without secret values", async () => {
    const list = await call(sim, "/api/v1/secrets", { accept: META });
    expect(list.body.kind).toBe("PartialObjectMetadataList");
    expect(list.body.items.length).toBeGreaterThan(5);
    for (const item of list.body.items) {
      expect(Object.keys(item).sort()).toEqual(["apiVersion", "kind", "metadata"]);
    }
    expect(JSON.stringify(list.body)).not.toContain("RkFLRS1wb3N0Z3Jlcy");
  });

  it("authenticates bearer tokens and client certificates, and rejects the rest with 401", async () => {
    expect((await call(sim, "/api/v1/pods", { token: null })).status).toBe(401);
    const bad = await call(sim, "/api/v1/pods", { token: "wrong" });
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    expect((await call(sim, "/version", { token: "wrong" })).status).toBe(401);
    const cert = await call(sim, "/apis/rbac.authorization.k8s.io/v1/clusterroles", { clientCert: true });
    expect(cert.status).toBe(403);
    expect(cert.body.message).toBe('clusterroles.rbac.authorization.k8s.io is forbidden: User "tower-cert-admin" cannot list resource "clusterroles" in API group "rbac.authorization.k8s.io" at the cluster scope');
  });

  it("treats expired tokens as invalid credentials", async () => {
    const s = await startSimulator({ objects: [], auth: { tokens: ["old", "new"], expiredTokens: ["old"] } });
    try {
      expect((await call(s, "/api/v1/pods", { token: "old" })).status).toBe(401);
      expect((await call(s, "/api/v1/pods", { token: "new" })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("answers 403 per resource type and access reviews from the forbidden list", async () => {
    const denied = await call(sim, "/apis/rbac.authorization.k8s.io/v1/clusterroles");
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ reason: "Forbidden", code: 403, details: { group: "rbac.authorization.k8s.io", kind: "clusterroles" } });
    expect((await call(sim, "/apis/rbac.authorization.k8s.io/v1/clusterroles/cluster-admin")).status).toBe(200);
    const ssar = (r: object) => call(sim, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", { method: "POST", body: { spec: { resourceAttributes: r } } });
    expect((await ssar({ group: "rbac.authorization.k8s.io", resource: "clusterroles", verb: "list" })).body.status.allowed).toBe(false);
    expect((await ssar({ resource: "pods", verb: "list" })).body.status.allowed).toBe(true);
    expect((await ssar({ resource: "pods", verb: "delete" })).body.status.allowed).toBe(false);
    const rules = (await call(sim, "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews", { method: "POST", body: { spec: { namespace: "shop" } } })).body;
    const cr = rules.status.resourceRules.find((r: { resources: string[] }) => r.resources[0] === "clusterroles");
    expect(cr.verbs).toEqual(["get", "watch"]);
  });

  it("injects failures that recover after the configured count, and refuses writes and watches", async () => {
    sim.update({ failures: [{ path: "^/api/v1/nodes", status: 503, times: 2 }] });
    expect((await call(sim, "/api/v1/nodes")).status).toBe(503);
    const second = await call(sim, "/api/v1/nodes");
    expect(second.status).toBe(503);
    expect(second.headers["retry-after"]).toBe("1");
    expect((await call(sim, "/api/v1/nodes")).status).toBe(200);
    expect((await call(sim, "/api/v1/namespaces/shop/pods", { method: "DELETE" })).status).toBe(405);
    expect((await call(sim, "/api/v1/pods?watch=true")).status).toBe(405);
  });

  it("loads about 500 objects with owners, as a real cluster has them", async () => {
    expect(sim.objectCount).toBeGreaterThan(400);
    const rs = (await call(sim, "/apis/apps/v1/namespaces/shop/replicasets")).body.items;
    const pods = (await call(sim, "/api/v1/namespaces/shop/pods")).body.items;
    const owned = pods.filter((p: { metadata: { ownerReferences?: Array<{ uid: string }> } }) => rs.some((r: { metadata: { uid: string } }) => r.metadata.uid === p.metadata.ownerReferences?.[0]?.uid));
    expect(owned.length).toBeGreaterThan(10);
  });
});
