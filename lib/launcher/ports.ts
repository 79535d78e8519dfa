import net from "node:net";

/** Resolves true when nothing listens on host:port (we can bind it). */
export const isPortFree = (port: number, host = "0.0.0.0"): Promise<boolean> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
