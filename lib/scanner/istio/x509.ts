/** Just enough PEM/DER reading to tell whether a base64 Secret value holds a certificate and when it expires. */

const decodeBase64 = (b64: string): Uint8Array | undefined => {
  try {
    const bin = atob(b64.replace(/\s+/g, ""));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
};

export const secretText = (b64: unknown): string | undefined => {
  if (typeof b64 !== "string") return undefined;
  const bytes = decodeBase64(b64);
  if (!bytes) return undefined;
  let text = "";
  for (let i = 0; i < Math.min(bytes.length, 200_000); i += 8192) text += String.fromCharCode(...bytes.subarray(i, Math.min(i + 8192, bytes.length, 200_000)));
  return text;
};

type Tlv = { tag: number; start: number; end: number };

const readTlv = (der: Uint8Array, pos: number): Tlv | undefined => {
  if (pos + 2 > der.length) return undefined;
  const tag = der[pos];
  let len = der[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4 || start + n > der.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[start + i];
    start += n;
  }
  return start + len <= der.length ? { tag, start, end: start + len } : undefined;
};

const parseTime = (der: Uint8Array, t: Tlv): Date | undefined => {
  const s = String.fromCharCode(...der.subarray(t.start, Math.min(t.end, t.start + 32)));
  const m = t.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return undefined;
  const year = t.tag === 0x17 ? (Number(m[1]) >= 50 ? 1900 : 2000) + Number(m[1]) : Number(m[1]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
};

/** notAfter of the first certificate in a PEM text, or undefined when it cannot be read. */
export const certificateNotAfter = (pem: string): Date | undefined => {
  const m = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem);
  const der = m ? decodeBase64(m[1]) : undefined;
  if (!der) return undefined;
  const cert = readTlv(der, 0);
  const tbs = cert && readTlv(der, cert.start);
  if (!tbs) return undefined;
  let pos = tbs.start;
  const first = readTlv(der, pos);
  if (first?.tag === 0xa0) pos = first.end; // explicit version
  for (let i = 0; i < 3; i++) pos = readTlv(der, pos)?.end ?? der.length; // serial, signature, issuer
  const validity = readTlv(der, pos);
  const notBefore = validity && readTlv(der, validity.start);
  const notAfter = notBefore && readTlv(der, notBefore.end);
  return notAfter ? parseTime(der, notAfter) : undefined;
};

export const looksLikeCertificate = (pem: string) => /-----BEGIN CERTIFICATE-----/.test(pem) && certificateNotAfter(pem) !== undefined;
export const looksLikePrivateKey = (pem: string) => /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(pem);
