// The iframe's side of the postMessage link with the seller's page that embedded it.
const params = new URLSearchParams(location.search);
export const parentOrigin = params.get("parent") ?? "";
export const applicationId = params.get("applicationId") ?? "";
export const locationId = params.get("locationId") ?? "";

/** The page that embeds this frame must be the origin it claims (Chromium reports ancestorOrigins). */
export function embeddedCorrectly() {
  if (window.parent === window || !parentOrigin) return false;
  const ancestors = location.ancestorOrigins;
  return !ancestors || ancestors.length === 0 || ancestors[0] === parentOrigin;
}

export function send(message) {
  window.parent.postMessage({ sqLocal: 1, ...message }, parentOrigin);
}

/** Answers the parent's requests; messages from any other window or origin are ignored. */
export function onRequest(handler) {
  window.addEventListener("message", async (event) => {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    const message = event.data;
    if (!message || message.sqLocal !== 1 || typeof message.id !== "number") return;
    let result;
    try {
      result = await handler(message);
    } catch (err) {
      result = { status: "Error", errors: [{ type: "UNEXPECTED_ERROR", message: String(err?.message ?? err) }] };
    }
    send({ type: "response", id: message.id, result });
  });
}

/** Keeps the parent's iframe element as tall as this document; returns a function to re-measure. */
export function reportSize() {
  const measure = () => send({ type: "resize", height: document.documentElement.scrollHeight });
  new ResizeObserver(measure).observe(document.body);
  measure();
  return measure;
}

/** POSTs JSON to an endpoint beside this page (same origin: the emulator). */
export async function postJson(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`the local Square answered HTTP ${res.status}`);
  return res.json();
}
