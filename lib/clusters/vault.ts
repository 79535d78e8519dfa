import "server-only";
import { env } from "@/lib/env";
import { parseKey, seal, unseal, type Sealed } from "./credentials";

// The only place that turns stored credential bytes back into a kubeconfig.
const key = () => {
  const k = env().TOWER_ENCRYPTION_KEY;
  if (!k) throw new Error("TOWER_ENCRYPTION_KEY is not set (npm start generates one in .tower/secrets.json)");
  return parseKey(k);
};

export const sealKubeconfig = (kubeconfig: string): Sealed => seal(kubeconfig, key());
export const unsealKubeconfig = (sealed: Pick<Sealed, "keyId" | "iv" | "authTag" | "ciphertext">): string => unseal(sealed, key());
