import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type TowerSecrets = { authSecret: string; encryptionKey: string; pgPassword: string };

/**
 * ./.tower holds the embedded database and the secrets Tower generates on first start when the
 * environment does not give them. The folder is traversable (Postgres runs as another user when
 * started by root) but the secrets file is readable by its owner only.
 */
export const ensureTowerHome = (home: string): { home: string; secrets: TowerSecrets } => {
  const dir = path.resolve(home);
  fs.mkdirSync(dir, { recursive: true, mode: 0o711 });
  fs.chmodSync(dir, 0o711);
  const file = path.join(dir, "secrets.json");
  let secrets: Partial<TowerSecrets> = {};
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"));
  const complete: TowerSecrets = {
    authSecret: secrets.authSecret ?? crypto.randomBytes(32).toString("base64url"),
    encryptionKey: secrets.encryptionKey ?? crypto.randomBytes(32).toString("base64"),
    pgPassword: secrets.pgPassword ?? crypto.randomBytes(18).toString("base64url"),
  };
  if (JSON.stringify(complete) !== JSON.stringify(secrets)) fs.writeFileSync(file, JSON.stringify(complete, null, 2), { mode: 0o600 });
  return { home: dir, secrets: complete };
};
