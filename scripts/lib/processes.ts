import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export interface Service {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process (and its group) has gone. */
  exited: Promise<number>;
}

/**
 * Starts a long-running child in its own process group, so stopping it also stops whatever it
 * spawned (next dev forks a server worker). Output is prefixed with the service name.
 */
export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let partial = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) out.write(prefix + line + "\n");
    });
    stream?.on("end", () => partial && out.write(prefix + partial + "\n"));
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  return { name, child, exited };
}

/** SIGTERM to the whole group, then SIGKILL if it has not gone within `graceMs`. */
export async function stopService(service: Service, graceMs = 5_000): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-service.child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  // A wrapper that died (tsx, say) can leave its real server running in the group.
  if (service.child.exitCode !== null || service.child.signalCode !== null) return signalGroup("SIGKILL");
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
  await service.exited;
  clearTimeout(timer);
  signalGroup("SIGKILL"); // stragglers left in the group
}

/** Polls `url` until it answers 2xx, the service dies, or `timeoutMs` passes. */
export async function waitForHealthy(url: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void service.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${service.name} exited before it became healthy.`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}

/** Whether something already listens on this port (a second `npm run dev`, say). */
export function portInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Runs services until Ctrl-C or until one of them dies, then stops them all (in reverse order).
 * Resolves with the exit code the script should end with.
 */
export async function superviseUntilDone(services: Service[]): Promise<number> {
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    for (const s of [...services].reverse()) await stopService(s);
  };
  return new Promise<number>((resolve) => {
    const onSignal = () => {
      if (stopping) return;
      console.log("\nStopping…");
      void stopAll().then(() => resolve(0));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    for (const s of services)
      void s.exited.then((code) => {
        if (stopping) return;
        console.error(`\n${s.name} stopped unexpectedly (exit code ${code}); stopping the rest.`);
        void stopAll().then(() => resolve(code || 1));
      });
  });
}
