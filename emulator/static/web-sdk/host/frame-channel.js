// Talking to the emulator-hosted iframes: postMessage both ways, checked against the emulator's origin.
const SDK_BASE = new URL(".", (document.currentScript && document.currentScript.src) || location.href);
const SDK_ORIGIN = SDK_BASE.origin;

function createFrame(page, title, params) {
  const iframe = document.createElement("iframe");
  const query = new URLSearchParams({ ...params, parent: location.origin });
  iframe.src = new URL(`${page}?${query}`, SDK_BASE).href;
  iframe.title = title;
  iframe.setAttribute("allow", "payment");
  iframe.style.cssText = "border:0;width:100%;height:96px;display:block;color-scheme:normal;";
  return iframe;
}

class FrameChannel {
  constructor(iframe) {
    this.iframe = iframe;
    this.pending = new Map();
    this.nextId = 1;
    this.onEvent = () => {};
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.listener = (event) => this.receive(event);
    window.addEventListener("message", this.listener);
  }

  receive(event) {
    // Only the iframe this channel created, served from the emulator, may speak on it.
    if (event.origin !== SDK_ORIGIN || event.source !== this.iframe.contentWindow) return;
    const message = event.data;
    if (!message || message.sqLocal !== 1) return;
    if (message.type === "ready") this.markReady();
    else if (message.type === "resize") this.iframe.style.height = `${Math.ceil(message.height)}px`;
    else if (message.type === "event") this.onEvent(message.eventType, message.detail);
    else if (message.type === "response") {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiting?.resolve(message.result);
    }
  }

  request(type, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.iframe.contentWindow.postMessage({ sqLocal: 1, type, id, ...payload }, SDK_ORIGIN);
    });
  }

  close() {
    window.removeEventListener("message", this.listener);
    for (const waiting of this.pending.values()) waiting.reject(new UnexpectedError("talk to a detached payment form"));
    this.pending.clear();
  }
}
