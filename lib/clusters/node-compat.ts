import workerThreads from "node:worker_threads";
import zlib from "node:zlib";

/**
 * @kubernetes/client-node 2 depends on undici 8, which needs Node >= 22.19 and reads two newer Node APIs
 * when it loads: zlib.createZstdDecompress and worker_threads.markAsUncloneable. On Node 20 the import
 * crashes, so stubs are installed first: zstd is refused (API servers answer with gzip, never zstd) and
 * marking an object uncloneable is a no-op (it only guards structuredClone of fetch objects).
 * Import this module before @kubernetes/client-node. Remove it once the runtime is Node 22.
 */
const z = zlib as unknown as Record<string, unknown>;
if (typeof z.createZstdDecompress !== "function") {
  z.createZstdDecompress = () => {
    throw new Error("zstd content-encoding is not supported on this Node version");
  };
}
const w = workerThreads as unknown as Record<string, unknown>;
if (typeof w.markAsUncloneable !== "function") w.markAsUncloneable = () => undefined;
