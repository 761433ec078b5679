// The SDK's public error classes (window.Square.errors), with the names the real ones carry.
class SqError extends Error {
  constructor(message = "", errors = []) {
    super(message);
    this.name = new.target.name;
    this.errors = errors;
  }
}

const describe = (element) => (typeof element === "string" ? element : "the given element");

class ElementNotFoundError extends SqError {
  constructor(element) {
    super(`Element ${describe(element)} was not found.`);
  }
}
class InvalidOptionError extends SqError {
  constructor(optionName) {
    super(`Invalid option: ${optionName}.`);
  }
}
class InvalidEventListenerCallbackError extends SqError {
  constructor(event, message) {
    super(`Invalid listener for "${event}": ${message}`);
  }
}
class TokenizationError extends SqError {
  constructor(errors = []) {
    super("Tokenization failed.", errors);
  }
}
class VerifyBuyerError extends SqError {
  constructor(error) {
    super(error.message, [error]);
  }
}
class PaymentMethodUnsupportedError extends SqError {
  constructor(method) {
    super(`${method} is not available in the local Square's Web Payments SDK stand-in.`);
  }
}
class UnexpectedError extends SqError {
  constructor(actionText) {
    super(`Something unexpected happened while trying to ${actionText}.`);
  }
}
class BrowserNotSupportedError extends SqError {}
class WebSdkEmbedError extends SqError {}
class InvalidPaymentRequestError extends SqError {}
class InvalidPaymentRequestUpdateError extends SqError {}
class PlaidMissingNameError extends SqError {}

const publicErrors = {
  BrowserNotSupportedError,
  ElementNotFoundError,
  InvalidOptionError,
  InvalidEventListenerCallbackError,
  InvalidPaymentRequestError,
  InvalidPaymentRequestUpdateError,
  PaymentMethodUnsupportedError,
  PlaidMissingNameError,
  TokenizationError,
  UnexpectedError,
  VerifyBuyerError,
  WebSdkEmbedError,
};
