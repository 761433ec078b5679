// window.Square: what @square/web-sdk's payments() loader resolves and calls.
class Payments {
  constructor(applicationId, locationId) {
    this.applicationId = applicationId;
    this.locationId = locationId;
    this._locale = navigator.language || "en-US";
  }

  async card(options) {
    return new Card(this, options);
  }

  async giftCard(options) {
    return new GiftCard(this, options);
  }

  async verifyBuyer(source, details) {
    if (typeof source !== "string" || !source) throw new VerifyBuyerError({ type: "INVALID_SOURCE", message: "verifyBuyer needs a token or card ID." });
    return verifyBuyerInFrame(this, source, details);
  }

  async setLocale(locale) {
    const previousLocale = this._locale;
    this._locale = locale;
    return { previousLocale, newLocale: locale };
  }

  paymentRequest() {
    throw new PaymentMethodUnsupportedError("Payment requests");
  }

  async ach() {
    throw new PaymentMethodUnsupportedError("ACH");
  }

  async applePay() {
    throw new PaymentMethodUnsupportedError("Apple Pay");
  }

  async googlePay() {
    throw new PaymentMethodUnsupportedError("Google Pay");
  }

  async afterpayClearpay() {
    throw new PaymentMethodUnsupportedError("Afterpay/Clearpay");
  }

  async cashAppPay() {
    throw new PaymentMethodUnsupportedError("Cash App Pay");
  }
}

window.Square = Object.freeze({
  errors: publicErrors,
  payments: (applicationId, locationId) => new Payments(applicationId, locationId),
});
