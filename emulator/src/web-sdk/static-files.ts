import fs from "node:fs";
import path from "node:path";

// __dirname works under tsx, vitest and Playwright alike (import.meta does not under Playwright's CJS transform).
const STATIC_ROOT = path.resolve(__dirname, "../../static/web-sdk");

// The order square.js is assembled in: each part may use what the parts before it define.
const HOST_PARTS = ["errors.js", "events.js", "frame-channel.js", "payment-method.js", "verify-buyer.js", "payments.js"];

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface StaticFile {
  body: string;
  type: string;
}

/**
 * The browser side of the stand-in, read once at start-up: `square.js` for the seller's page
 * (plain scripts joined into one, because the loader expects a single classic script that sets
 * `window.Square`), and the iframe's pages and modules under `v1/`.
 */
export function loadWebSdkFiles(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const host = HOST_PARTS.map((part) => `// ---- ${part}\n` + fs.readFileSync(path.join(STATIC_ROOT, "host", part), "utf8"));
  files.set("v1/square.js", { body: `(() => {\n"use strict";\n${host.join("\n")}\n})();\n`, type: TYPES[".js"] });
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(STATIC_ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (TYPES[path.extname(entry.name)]) files.set(rel, { body: fs.readFileSync(path.join(STATIC_ROOT, rel), "utf8"), type: TYPES[path.extname(entry.name)] });
    }
  };
  walk("v1");
  return files;
}
