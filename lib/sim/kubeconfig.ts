import { stringify } from "yaml";

export type KubeconfigInput = {
  server: string;
  caPem?: string;
  contextName: string;
  namespace?: string;
  user: { token?: string; clientCertPem?: string; clientKeyPem?: string };
};

const b64 = (pem: string) => Buffer.from(pem).toString("base64");

/** A kubeconfig with inline (base64) CA and credentials, readable by client-node and kubectl alike. */
export const buildKubeconfig = (k: KubeconfigInput): string =>
  stringify({
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: [{ name: k.contextName, cluster: { server: k.server, ...(k.caPem ? { "certificate-authority-data": b64(k.caPem) } : {}) } }],
    users: [{
      name: k.contextName,
      user: {
        ...(k.user.token ? { token: k.user.token } : {}),
        ...(k.user.clientCertPem ? { "client-certificate-data": b64(k.user.clientCertPem) } : {}),
        ...(k.user.clientKeyPem ? { "client-key-data": b64(k.user.clientKeyPem) } : {}),
      },
    }],
    contexts: [{ name: k.contextName, context: { cluster: k.contextName, user: k.contextName, ...(k.namespace ? { namespace: k.namespace } : {}) } }],
    "current-context": k.contextName,
  });
