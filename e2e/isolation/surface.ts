import fs from "node:fs";
import path from "node:path";

/**
 * Everything a browser can reach that might touch seller data, read from the file tree so that a new
 * page, route handler method or server action cannot be added without the isolation test noticing:
 *  - pages:   "page /customers"            (app/**\/page.tsx, route groups dropped)
 *  - routes:  "GET /api/health"             (one entry per exported HTTP method of app/**\/route.ts)
 *  - actions: "action lib/actions/settings.ts#disconnectSquareAction" (exports of lib/actions/**)
 */
export function enumerateSurface(root: string): string[] {
  const keys: string[] = [];
  for (const file of walk(path.join(root, "app"))) {
    const rel = path.relative(path.join(root, "app"), file).split(path.sep);
    const name = rel.pop()!;
    const url = "/" + rel.filter((seg) => !/^\(.*\)$/.test(seg)).join("/");
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) keys.push(`page ${url}`);
    if (/^route\.(ts|js)$/.test(name)) for (const method of routeMethods(file)) keys.push(`${method} ${url}`);
  }
  const actions = path.join(root, "lib/actions");
  for (const file of walk(actions).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)))
    for (const name of exportedNames(file)) keys.push(`action ${path.relative(root, file).split(path.sep).join("/")}#${name}`);
  return keys.sort();
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function routeMethods(file: string): string[] {
  const names = exportedNames(file);
  const unknown = names.filter((n) => !HTTP_METHODS.includes(n) && !["dynamic", "revalidate", "runtime", "maxDuration", "fetchCache", "preferredRegion"].includes(n));
  if (unknown.length) throw new Error(`${file} exports ${unknown.join(", ")}: teach e2e/isolation/surface.ts what these are.`);
  return names.filter((n) => HTTP_METHODS.includes(n));
}

/** Export names by reading the source; an export form this does not understand fails loudly. */
export function exportedNames(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const names: string[] = [];
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.push(m[1]);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm))
    for (const part of m[1].split(",").map((p) => p.trim()).filter(Boolean)) names.push(part.split(/\s+as\s+/).pop()!.trim());
  const other = source.match(/^export\s+(?!(?:async\s+)?(?:function|const|let|var|class|type|interface)\b|\{)\S+/m);
  if (other) throw new Error(`${file}: cannot read "${other[0]}"; teach e2e/isolation/surface.ts this export form.`);
  return names;
}
