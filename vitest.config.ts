import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/db/test/server-only-stub.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "bin/**/*.test.ts", "workers/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    testTimeout: 60_000,
    pool: "threads",
  },
});
