// `npm run size:checkout`: the checkout page's first-load JavaScript, read from a production build (run
// `npm run build` first; NEXT_DIST_DIR picks another build folder). Next 16 no longer prints sizes, so
// this adds up what a browser must fetch before the page is interactive: the shared runtime chunks
// (build-manifest rootMainFiles) plus the page's and its layouts' client chunks (the page's client
// reference manifest), each counted once, raw and gzipped.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const PAGE = process.argv[2] ?? "/pay/[linkId]/page";
const dist = path.resolve(__dirname, "..", process.env.NEXT_DIST_DIR || ".next");

export function firstLoadChunks(distDir: string, page: string): string[] {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const manifestFile = path.join(distDir, "server/app", `${page}_client-reference-manifest.js`);
  const sandbox = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(sandbox);
  const entries = sandbox.__RSC_MANIFEST[page]?.entryJSFiles ?? {};
  return [...new Set([...build.rootMainFiles, ...Object.values(entries).flat()])];
}

const chunks = firstLoadChunks(dist, PAGE);
let raw = 0;
let gzip = 0;
for (const chunk of chunks) {
  const bytes = fs.readFileSync(path.join(dist, chunk));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`${PAGE}: ${chunks.length} chunks, first-load JS ${kb(raw)} (${kb(gzip)} gzipped)`);
