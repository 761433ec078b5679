// SqEvent and a small listener registry for card and gift card events.
class SqEvent {
  constructor(type, detail) {
    this.type = type;
    this.detail = detail;
  }
}

const CARD_EVENTS = ["focusClassAdded", "focusClassRemoved", "errorClassAdded", "errorClassRemoved", "cardBrandChanged", "postalCodeChanged", "escape", "submit"];
const GIFT_CARD_EVENTS = CARD_EVENTS.filter((type) => type !== "postalCodeChanged");

class Listeners {
  constructor(allowed) {
    this.allowed = allowed;
    this.byType = new Map();
  }

  add(type, callback) {
    if (!this.allowed.includes(type)) throw new InvalidEventListenerCallbackError(type, "unknown event type");
    if (typeof callback !== "function") throw new InvalidEventListenerCallbackError(type, "the callback must be a function");
    if (!this.byType.has(type)) this.byType.set(type, new Set());
    this.byType.get(type).add(callback);
  }

  remove(type, callback) {
    this.byType.get(type)?.delete(callback);
  }

  emit(type, detail) {
    const event = new SqEvent(type, detail);
    for (const callback of this.byType.get(type) ?? []) {
      try {
        callback(event);
      } catch (err) {
        // A seller's listener must not break the form; report it as the browser would.
        setTimeout(() => {
          throw err;
        });
      }
    }
  }

  clear() {
    this.byType.clear();
  }
}
