import fs from "node:fs";
import path from "node:path";

/** Number of migrations shipped with this build (folders under prisma/migrations). */
export const shippedMigrationCount = (root = process.cwd()) => {
  const dir = path.join(root, "prisma", "migrations");
  return fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0;
};
