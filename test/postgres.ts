import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * A throwaway PostgreSQL server for one test run: initdb into a temp dir with trust auth, pg_ctl on
 * a free port, stopped at the end (stack-notes pitfall 12). Started lazily by the first test file
 * that needs it, so runs without database tests never pay for it; a lock directory makes sure that
 * parallel workers share one server.
 */

const INSTALL_HINT =
  "PostgreSQL's server binaries (initdb, pg_ctl) are needed for the data-layer tests.\n" +
  "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y postgresql\n" +
  "  macOS:         brew install postgresql\n" +
  "or set PATRON_TEST_PG_BIN to the directory holding initdb and pg_ctl.";

export function findPostgresBin(env: Record<string, string | undefined> = process.env, debianRoot = "/usr/lib/postgresql"): string {
  const candidates = [
    env.PATRON_TEST_PG_BIN,
    ...listVersions(debianRoot).map((v) => path.join(debianRoot, v, "bin")),
    ...(env.PATH ?? "").split(path.delimiter),
  ].filter((d): d is string => !!d);
  const bin = candidates.find((d) => fs.existsSync(path.join(d, "initdb")) && fs.existsSync(path.join(d, "pg_ctl")));
  if (!bin) throw new Error(`No PostgreSQL server found. ${INSTALL_HINT}`);
  return bin;
}

function listVersions(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
}

const isRoot = () => process.getuid?.() === 0;

/** initdb and postgres refuse to run as root, so as root we run them as the `postgres` user. */
function run(bin: string, tool: string, args: string[]) {
  const exe = path.join(bin, tool);
  const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", exe, ...args]] : [exe, args];
  return execFileSync(cmd, argv, { stdio: "pipe", encoding: "utf8" });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the run's server in `dir` unless a sibling worker already did; returns its admin URL. */
export async function ensurePostgres(dir: string): Promise<string> {
  const urlFile = path.join(dir, "url");
  const lock = path.join(dir, "lock");
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (fs.existsSync(urlFile)) return fs.readFileSync(urlFile, "utf8");
    const failed = path.join(dir, "failed");
    if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the test PostgreSQL in ${dir}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    const url = await startPostgres(dir);
    fs.writeFileSync(urlFile, url);
    return url;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    fs.writeFileSync(path.join(dir, "failed"), message);
    throw err;
  }
}

async function startPostgres(dir: string): Promise<string> {
  const bin = findPostgresBin();
  const data = path.join(dir, "data");
  if (isRoot()) execFileSync("chown", ["-R", "postgres", dir]);
  try {
    run(bin, "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  } catch (err) {
    throw new Error(`initdb failed: ${(err as { stderr?: string }).stderr ?? err}\n${INSTALL_HINT}`);
  }
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run(bin, "pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", options, "-w", "-t", "60", "start"]);
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** Stops the server if one was started in `dir`, then removes the directory. */
export function stopPostgres(dir: string) {
  const data = path.join(dir, "data");
  if (fs.existsSync(path.join(data, "postmaster.pid"))) {
    try {
      run(findPostgresBin(), "pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } catch (err) {
      console.error("[test] stopping PostgreSQL failed:", (err as { stderr?: string }).stderr ?? err);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
