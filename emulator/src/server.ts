import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createEmulator, type Emulator } from "./app";
import { configFromEnv, type EmulatorConfig } from "./config";

export interface RunningEmulator extends Emulator {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the local Square on 127.0.0.1. Port 0 picks a free one (tests). */
export async function startEmulator(config: EmulatorConfig): Promise<RunningEmulator> {
  const emulator = createEmulator(config);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: emulator.app.fetch, hostname: "127.0.0.1", port: config.port }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    ...emulator,
    url: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        emulator.close();
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

const isMain = process.argv[1] && /emulator[\\/]src[\\/]server\.ts$/.test(process.argv[1]);
if (isMain) {
  const config = configFromEnv();
  startEmulator(config).then((running) => {
    console.log(`Local Square listening on ${running.url} (data: ${config.dataDir})`);
    const stop = () => running.stop().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
