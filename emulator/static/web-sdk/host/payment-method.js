// Card and GiftCard: each renders its fields in an iframe served by the emulator, so the numbers
// the buyer types never enter this page. Only events, sizes and token results come back.
class FramedPaymentMethod {
  constructor(payments, kind, title, events, options) {
    this._payments = payments;
    this._kind = kind;
    this._title = title;
    this._options = options ?? {};
    this._listeners = new Listeners(events);
    this._iframe = null;
    this._channel = null;
    this._destroyed = false;
  }

  async attach(selectorOrElement) {
    if (this._destroyed) throw new UnexpectedError("attach a destroyed payment method");
    const target = typeof selectorOrElement === "string" ? document.querySelector(selectorOrElement) : selectorOrElement;
    if (!(target instanceof HTMLElement)) throw new ElementNotFoundError(selectorOrElement);
    if (this._iframe) await this.detach();
    const iframe = createFrame("frame.html", this._title, {
      kind: this._kind,
      applicationId: this._payments.applicationId,
      locationId: this._payments.locationId ?? "",
    });
    const channel = new FrameChannel(iframe);
    channel.onEvent = (type, detail) => this._listeners.emit(type, detail);
    this._iframe = iframe;
    this._channel = channel;
    target.appendChild(iframe);
    await channel.ready;
    await channel.request("configure", { options: this._options });
  }

  async configure(options) {
    this._options = { ...this._options, ...options };
    if (this._channel) await this._channel.request("configure", { options: this._options });
  }

  async detach() {
    if (!this._iframe) return false;
    this._channel.close();
    this._iframe.remove();
    this._iframe = null;
    this._channel = null;
    return true;
  }

  async destroy() {
    await this.detach();
    this._listeners.clear();
    this._destroyed = true;
    return true;
  }

  async focus(field) {
    return this._ask("focus", { field });
  }

  async clear() {
    return this._ask("clear");
  }

  async setError(field) {
    return this._ask("setError", { field });
  }

  recalculateSize() {
    if (this._channel) void this._channel.request("measure");
  }

  addEventListener(type, callback) {
    this._listeners.add(type, callback);
  }

  removeEventListener(type, callback) {
    this._listeners.remove(type, callback);
  }

  async _tokenize(payload) {
    if (!this._channel) throw new TokenizationError([{ type: "NOT_ATTACHED", message: "Call attach() before tokenize()." }]);
    return this._channel.request("tokenize", payload);
  }

  async _ask(type, payload) {
    if (!this._channel) return false;
    return this._channel.request(type, payload);
  }
}

class Card extends FramedPaymentMethod {
  constructor(payments, options) {
    super(payments, "card", "Card payment form", CARD_EVENTS, options);
  }

  /** With verification details, the buyer is verified (3-D Secure) inside the card iframe. */
  async tokenize(verificationDetails) {
    return this._tokenize(verificationDetails === undefined ? {} : { verificationDetails });
  }
}

class GiftCard extends FramedPaymentMethod {
  constructor(payments, options) {
    super(payments, "giftCard", "Gift card payment form", GIFT_CARD_EVENTS, options);
  }

  async tokenize() {
    return this._tokenize({});
  }
}
