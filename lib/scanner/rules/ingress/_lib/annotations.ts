export const NGINX_PREFIX = "nginx.ingress.kubernetes.io/";

/** ingress-nginx's own risk model (internal/ingress/annotations/*): Critical and High annotations. */
export const CRITICAL_ANNOTATIONS = ["auth-snippet", "configuration-snippet", "modsecurity-snippet", "server-snippet", "stream-snippet"] as const;
export const HIGH_RISK_ANNOTATIONS = [
  "auth-signin", "auth-tls-error-page", "auth-tls-match-cn", "auth-url", "mirror-host", "mirror-target",
  "modsecurity-transaction-id", "proxy-ssl-name", "server-alias", "upstream-hash-by",
] as const;

/** Annotations whose values ingress-nginx pasted into nginx.conf unchecked before 1.11.5 / 1.12.1 (IngressNightmare). */
export const INJECTABLE_ANNOTATIONS = ["auth-url", "auth-signin", "auth-tls-match-cn", "mirror-target", "mirror-host", "auth-method", "permanent-redirect", "proxy-ssl-name"] as const;

export const nginxAnnotations = (annotations: Record<string, string> | undefined, names: readonly string[]) =>
  names.flatMap((name) => {
    const value = annotations?.[NGINX_PREFIX + name];
    return typeof value === "string" ? [{ name, key: NGINX_PREFIX + name, value }] : [];
  });

export const annotationPath = (key: string) => `metadata.annotations["${key}"]`;
