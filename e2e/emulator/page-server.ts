import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
// Only the test page and the real loader are served; nothing else of the repo.
const ROUTES: Record<string, string> = {
  "/index.html": "e2e/emulator/page/index.html",
  "/page.js": "e2e/emulator/page/page.js",
  "/node_modules/@square/web-sdk/dist/index.js": "node_modules/@square/web-sdk/dist/index.js",
};
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** A tiny static server for the seller's page, on its own origin (not the emulator's). */
export async function startPageServer() {
  const server = http.createServer((req, res) => {
    const file = ROUTES[new URL(req.url ?? "/", "http://x").pathname];
    if (!file) return res.writeHead(404).end("not found");
    res.writeHead(200, { "content-type": TYPES[path.extname(file)], "cache-control": "no-store" });
    fs.createReadStream(path.join(ROOT, file)).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    // "localhost" keeps the page's origin distinct from the emulator's 127.0.0.1 even on the same port range.
    url: `http://localhost:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
