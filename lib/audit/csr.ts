/** Subject of a PKCS#10 request (the base64 PEM of a CertificateSigningRequest's spec.request), without a crypto library. */
export type CsrSubject = { commonName?: string; organizations: string[] };

const decodeBase64 = (s: string): string | undefined => {
  try {
    return atob(s.replace(/\s+/g, ""));
  } catch {
    return undefined;
  }
};

const readValue = (der: string, at: number): string | undefined => {
  const tag = der.charCodeAt(at);
  if (![0x0c, 0x13, 0x16, 0x14].includes(tag)) return undefined;
  const len = der.charCodeAt(at + 1);
  if (len > 0x7f) return undefined;
  return der.slice(at + 2, at + 2 + len);
};

const OID_CN = "\x06\x03\x55\x04\x03";
const OID_O = "\x06\x03\x55\x04\x0a";

export const csrSubject = (request: unknown): CsrSubject | undefined => {
  if (typeof request !== "string") return undefined;
  const pem = decodeBase64(request);
  if (!pem) return undefined;
  const body = /-----BEGIN [A-Z ]*REQUEST-----([\s\S]*?)-----END/.exec(pem)?.[1];
  const der = body ? decodeBase64(body) : pem;
  if (!der) return undefined;
  const out: CsrSubject = { organizations: [] };
  for (let i = der.indexOf(OID_O); i >= 0; i = der.indexOf(OID_O, i + 1)) {
    const v = readValue(der, i + OID_O.length);
    if (v) out.organizations.push(v);
  }
  const cn = der.indexOf(OID_CN);
  if (cn >= 0) out.commonName = readValue(der, cn + OID_CN.length);
  return out;
};
