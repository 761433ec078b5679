import { hashRequest } from "./idempotency";
import { errors } from "./errors";

/**
 * Opaque cursors as Square hands them out: they encode where the next page starts and are tied to
 * the query that produced them, so a cursor replayed with a different query (or made up) is
 * 400 INVALID_CURSOR.
 */
interface CursorState {
  o: number; // offset of the next page
  q: string; // hash of the query
}

export function page<T>(items: T[], opts: { cursor?: string | null; limit: number; query: unknown }) {
  const q = hashRequest(opts.query).slice(0, 16);
  let offset = 0;
  if (opts.cursor) {
    const state = decode(opts.cursor);
    if (!state || state.q !== q || state.o < 0) throw errors.badRequest("INVALID_CURSOR", "The cursor is invalid.", "cursor");
    offset = state.o;
  }
  const slice = items.slice(offset, offset + opts.limit);
  const next = offset + opts.limit;
  return { items: slice, cursor: next < items.length ? encode({ o: next, q }) : undefined };
}

function encode(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString("base64url");
}

function decode(cursor: string): CursorState | undefined {
  try {
    const state = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    return typeof state?.o === "number" && typeof state?.q === "string" ? state : undefined;
  } catch {
    return undefined;
  }
}
