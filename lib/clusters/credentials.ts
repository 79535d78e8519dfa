import crypto from "node:crypto";

/**
 * Cluster credentials at rest: AES-256-GCM with a random 96-bit IV per value. `keyId` names the key
 * (a hash prefix, never the key) so that rotation can tell old ciphertexts from new ones.
 */
export type Sealed = { keyId: string; iv: Uint8Array<ArrayBuffer>; authTag: Uint8Array<ArrayBuffer>; ciphertext: Uint8Array<ArrayBuffer> };

export const parseKey = (base64: string): Buffer => {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("TOWER_ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
  return key;
};

export const keyIdOf = (key: Buffer) => crypto.createHash("sha256").update(key).digest("hex").slice(0, 12);

const bytes = (b: Buffer) => new Uint8Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);

export const seal = (plaintext: string, key: Buffer): Sealed => {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: keyIdOf(key), iv: bytes(iv), authTag: bytes(cipher.getAuthTag()), ciphertext: bytes(ciphertext) };
};

export const unseal = (sealed: Pick<Sealed, "keyId" | "iv" | "authTag" | "ciphertext">, key: Buffer): string => {
  if (sealed.keyId !== keyIdOf(key)) throw new Error(`credential was sealed with key ${sealed.keyId}, not the configured key ${keyIdOf(key)}: run \`tower keys rotate\``);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(sealed.iv));
  decipher.setAuthTag(Buffer.from(sealed.authTag));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext)), decipher.final()]).toString("utf8");
};
