import type { APIResponse } from "@playwright/test";

/** What a server action answered, read from its React Server Components reply. */
export type ActionReply =
  | { kind: "result"; status: number; value: unknown }
  /** Next refused the request before the action ran (body too large, unreadable arguments…). */
  | { kind: "refused"; status: number; text: string };

/**
 * The RSC reply is lines of `<id>:<json>`; the action's return value is the row the root row
 * points to ("a":"$@1"). A reply without one is a refusal by Next itself, with its status.
 */
export async function readActionReply(res: APIResponse): Promise<ActionReply> {
  const text = await res.text();
  const rows = new Map<string, unknown>();
  for (const line of text.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m) continue;
    try {
      rows.set(m[1], JSON.parse(m[2]));
    } catch {
      // Not JSON (a text or error row): not the action's value.
    }
  }
  const root = rows.get("0") as { a?: unknown } | undefined;
  const ref = typeof root?.a === "string" ? /^\$@([0-9a-f]+)$/.exec(root.a)?.[1] : undefined;
  if (res.ok() && ref !== undefined && rows.has(ref)) return { kind: "result", status: res.status(), value: rows.get(ref) };
  if (res.ok() && root && "a" in root && typeof root.a !== "string") return { kind: "result", status: res.status(), value: root.a };
  return { kind: "refused", status: res.status(), text };
}
