import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf, parseKey, seal, unseal } from "./credentials";
import { resealAll } from "./rotate-key";

const k = () => crypto.randomBytes(32).toString("base64");

describe("credential encryption and key rotation", () => {
  it("seals with AES-256-GCM: no plaintext in the ciphertext, fresh IV each time, tampering detected", () => {
    const key = parseKey(k());
    const a = seal("token: s3cr3t-value", key);
    const b = seal("token: s3cr3t-value", key);
    expect(Buffer.from(a.ciphertext).toString("latin1")).not.toContain("s3cr3t");
    expect(Buffer.from(a.iv).equals(Buffer.from(b.iv))).toBe(false);
    expect(unseal(a, key)).toBe("token: s3cr3t-value");
    const tampered = { ...a, ciphertext: Uint8Array.from(a.ciphertext, (x, i) => (i === 0 ? x ^ 1 : x)) };
    expect(() => unseal(tampered, key)).toThrow();
  });

  it("refuses keys that are not 32 bytes and names a key mismatch", () => {
    expect(() => parseKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
    const sealed = seal("x", parseKey(k()));
    expect(() => unseal(sealed, parseKey(k()))).toThrow(/tower keys rotate/);
  });

  it("re-seals every row from the old key to the new one, and is safe to run twice", () => {
    const [oldK, newK] = [k(), k()];
    const rows = ["one", "two"].map((v, i) => ({ id: `r${i}`, ...seal(v, parseKey(oldK)) }));
    const resealed = resealAll(rows, oldK, newK);
    expect(resealed.map((r) => r.keyId)).toEqual([keyIdOf(parseKey(newK)), keyIdOf(parseKey(newK))]);
    expect(resealed.map((r) => unseal(r, parseKey(newK)))).toEqual(["one", "two"]);
    expect(resealAll(resealed, oldK, newK)).toEqual([]);
    expect(() => resealAll(rows, k(), newK)).toThrow(/neither the old nor the new key/);
  });
});
