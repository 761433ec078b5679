import fs from "node:fs";
import path from "node:path";
import { REQUEST_TIMEOUT_MS } from "./http";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/**
 * The id under which a build exposes a server action, from Next's server-reference manifest: what
 * the browser's bundle sends in the Next-Action header.
 */
export function actionId(distDir: string, file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === file && e.exportedName === exportedName);
  if (!found) throw new Error(`${file} ${exportedName} is not a server action of the build in ${distDir}.`);
  return found[0];
}

/**
 * Calls a server action as React does in the browser: POST to the page with the Next-Action header
 * and the arguments as JSON; the answer is a React Server Components stream whose row 1 is the value.
 */
export async function callAction<T>(pageUrl: string, id: string, args: unknown[], headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(pageUrl, {
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: new URL(pageUrl).origin, ...headers },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`The action answered ${res.status}: ${body.slice(0, 300)}`);
  const row = body.split("\n").find((line) => line.startsWith("1:"));
  if (!row) throw new Error(`No value in the action's answer: ${body.slice(0, 300)}`);
  return JSON.parse(row.slice(2)) as T;
}
