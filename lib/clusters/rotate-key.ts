import { keyIdOf, parseKey, seal, unseal, type Sealed } from "./credentials";

type Row = { id: string } & Pick<Sealed, "keyId" | "iv" | "authTag" | "ciphertext">;

/**
 * Re-seals credentials from the old key to the new one. Rows already sealed with the new key are
 * left alone (a rotation that stopped half-way can be run again); a row sealed with neither key is
 * an error that names it, and nothing is written.
 */
export const resealAll = (rows: readonly Row[], oldKeyB64: string, newKeyB64: string): Array<{ id: string } & Sealed> => {
  const oldKey = parseKey(oldKeyB64);
  const newKey = parseKey(newKeyB64);
  const newId = keyIdOf(newKey);
  const out: Array<{ id: string } & Sealed> = [];
  for (const row of rows) {
    if (row.keyId === newId) continue;
    if (row.keyId !== keyIdOf(oldKey)) throw new Error(`credential ${row.id} is sealed with key ${row.keyId}, which is neither the old nor the new key`);
    out.push({ id: row.id, ...seal(unseal(row, oldKey), newKey) });
  }
  return out;
};
