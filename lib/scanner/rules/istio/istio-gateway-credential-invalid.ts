import { defineRule } from "../../define-rule";
import { credentialRefs, describeGateway, gatewayServers } from "../../istio/gateway";
import { gatewaySelector, gatewayWorkloads } from "../../istio/mesh";
import { isRecord } from "../../istio/selectors";
import { certificateNotAfter, looksLikePrivateKey, secretText } from "../../istio/x509";

const pick = (data: Record<string, unknown>, ...keys: string[]) => keys.map((k) => data[k]).find((v) => v !== undefined);

export default defineRule({
  id: "TWR-0710",
  name: "istio-gateway-credential-invalid",
  title: "Istio Gateway TLS credential is missing or invalid",
  severity: "medium",
  theme: "istio",
  targets: ["Gateway"],
  description:
    "A Gateway server's tls.credentialName must name a Secret in the namespace where the gateway workload runs, holding a valid, unexpired certificate and key (and a CA for MUTUAL). Otherwise the listener is not served or serves a broken chain, and operators tend to 'fix' it by falling back to plain HTTP. Checked only when Secrets are in the snapshot; these are istioctl analyze IST0101 (credentialName) and IST0161.",
  remediation:
    "Create the kubernetes.io/tls Secret (tls.crt, tls.key, and ca.crt or a '<name>-cacert' Secret for MUTUAL) in the gateway workload's namespace, renew expired certificates (cert-manager), or correct tls.credentialName.",
  references: [
    "https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0161/",
    "https://istio.io/latest/docs/reference/config/analysis/ist0101/",
  ],
  refs: { istio: ["IST0161", "IST0101"] },
  check: (obj, ctx) => {
    const { snapshot } = ctx;
    if (!snapshot.byKind("Secret").length) return [];
    const ns = gatewayWorkloads(snapshot, gatewaySelector(obj))[0]?.namespace;
    if (!ns) return [];
    const gw = describeGateway(obj);
    return gatewayServers(obj).flatMap((s) =>
      credentialRefs(s).flatMap(({ name, path }) => {
        const secret = snapshot.get("Secret", ns, name);
        if (!secret) return [{ path, value: name, message: `${gw} sets ${path}='${name}', but no Secret '${name}' exists in namespace '${ns}' where the gateway workload runs` }];
        const data = isRecord(secret.data) ? secret.data : undefined;
        if (!data) return [];
        const problems: string[] = [];
        const cert = pick(data, "tls.crt", "cert");
        const key = pick(data, "tls.key", "key");
        if (cert === undefined || key === undefined) problems.push("has no tls.crt/tls.key (or cert/key) entries");
        const certText = secretText(cert);
        if (certText !== undefined) {
          const notAfter = certificateNotAfter(certText);
          if (!notAfter) problems.push("holds no parsable PEM certificate");
          else if (notAfter.getTime() < ctx.now.getTime()) problems.push(`holds a certificate that expired on ${notAfter.toISOString().slice(0, 10)}`);
        }
        const keyText = secretText(key);
        if (keyText !== undefined && !looksLikePrivateKey(keyText)) problems.push("holds no PEM private key");
        if (String(s.tls?.mode ?? "").toUpperCase() === "MUTUAL" && pick(data, "ca.crt", "cacert") === undefined && !snapshot.get("Secret", ns, `${name}-cacert`))
          problems.push(`has no ca.crt and no '${name}-cacert' Secret exists for MUTUAL mode`);
        return problems.map((p) => ({ path, value: name, message: `${gw}: Secret '${ns}/${name}' referenced by ${path} ${p}` }));
      }),
    );
  },
});
