import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { E2E } from "../support/servers";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

/**
 * Where the e2e build exposes a server action: its id and a page whose bundle includes it, read from
 * Next's server-reference manifest. Undefined when no client code references the action, in which
 * case browsers cannot call it at all.
 */
export function findAction(file: string, exportedName: string): { id: string; pagePath: string } | undefined {
  const manifestPath = path.join(E2E.distDir, "server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as { node: Record<string, ManifestEntry> };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename !== file || entry.exportedName !== exportedName) continue;
    const worker = Object.keys(entry.workers)[0]; // e.g. "app/(dashboard)/settings/page"
    const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/");
    return { id, pagePath: "/" + segments.filter((s) => s && !/^\(.*\)$/.test(s)).join("/") };
  }
  return undefined;
}

/** Calls a server action the way React does in the browser: POST to its page with the Next-Action header. */
export function callAction(request: APIRequestContext, action: { id: string; pagePath: string }, args: unknown[]): Promise<APIResponse> {
  return request.post(action.pagePath, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: E2E.appUrl },
    data: JSON.stringify(args),
  });
}
