// The card (or gift card) inputs: live validation, the SDK's CSS classes, and its input events.
import { brandOf, cardNumberState, cvvState, expiryState, giftCardNumberState, postalCodeState, UNKNOWN_BRAND } from "./card-rules.js";
import { applyStyle } from "./style.js";

const CARD_FIELDS = [
  { name: "cardNumber", key: "number", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", message: "Card number is not valid." },
  { name: "expirationDate", key: "expirationDate", label: "Expiration date", autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM/YY", message: "Expiration date is not valid." },
  { name: "cvv", key: "cvv", label: "CVV", autocomplete: "cc-csc", inputmode: "numeric", message: "CVV is not valid." },
  { name: "postalCode", key: "postalCode", label: "Postal code", autocomplete: "postal-code", message: "Postal code is not valid." },
];
const GIFT_CARD_FIELDS = [
  { name: "giftCardNumber", key: "number", label: "Gift card number", autocomplete: "off", inputmode: "numeric", message: "Gift card number is not valid." },
];

export function createFields(form, kind, emit) {
  const specs = kind === "giftCard" ? GIFT_CARD_FIELDS : CARD_FIELDS;
  const inputs = new Map();
  const states = new Map();
  let brand = UNKNOWN_BRAND;
  form.classList.toggle("gift-card", kind === "giftCard");

  const measure = (name) => {
    const value = inputs.get(name).value;
    if (name === "cardNumber") return cardNumberState(value);
    if (name === "expirationDate") return expiryState(value);
    if (name === "cvv") return cvvState(value, brand);
    if (name === "postalCode") return postalCodeState(value);
    return giftCardNumberState(value);
  };

  const fire = (eventType, name, previousState) =>
    emit(eventType, {
      cardBrand: brand,
      currentState: { ...states.get(name) },
      eventType,
      field: name,
      ...(kind === "card" ? { postalCodeValue: inputs.get("postalCode").value.trim() } : {}),
      previousState,
    });

  /** Recomputes a field; `change` may set the focus or error class explicitly. */
  const update = (name, change = {}) => {
    const previous = { ...states.get(name) };
    const next = { ...previous, ...measure(name), ...change };
    if (change.hasErrorClass === undefined) {
      if (!next.isPotentiallyValid) next.hasErrorClass = true;
      else if (previous.hasErrorClass && (next.isCompletelyValid || next.isEmpty)) next.hasErrorClass = false;
    }
    states.set(name, next);
    const input = inputs.get(name);
    input.classList.toggle("is-focus", next.hasFocusClass);
    input.classList.toggle("is-error", next.hasErrorClass);
    input.parentElement.classList.toggle("is-focus", next.hasFocusClass);
    input.parentElement.classList.toggle("is-error", next.hasErrorClass);
    input.setAttribute("aria-invalid", String(next.hasErrorClass));
    if (next.hasFocusClass !== previous.hasFocusClass) fire(next.hasFocusClass ? "focusClassAdded" : "focusClassRemoved", name, previous);
    if (next.hasErrorClass !== previous.hasErrorClass) fire(next.hasErrorClass ? "errorClassAdded" : "errorClassRemoved", name, previous);
    return previous;
  };

  for (const spec of specs) {
    const container = document.createElement("div");
    container.className = "input-container";
    const label = document.createElement("label");
    label.htmlFor = spec.name;
    label.textContent = spec.label;
    const input = document.createElement("input");
    Object.assign(input, { id: spec.name, name: spec.name, autocomplete: spec.autocomplete, placeholder: spec.placeholder ?? spec.label });
    if (spec.inputmode) input.inputMode = spec.inputmode;
    container.append(label, input);
    form.append(container);
    inputs.set(spec.name, input);
    states.set(spec.name, { ...measure(spec.name), hasErrorClass: false, hasFocusClass: false });

    input.addEventListener("focus", () => update(spec.name, { hasFocusClass: true }));
    input.addEventListener("blur", () => {
      const now = measure(spec.name);
      update(spec.name, { hasFocusClass: false, hasErrorClass: !now.isEmpty && !now.isCompletelyValid });
    });
    input.addEventListener("input", () => {
      const brandBefore = brand;
      if (spec.name === "cardNumber") brand = brandOf(input.value);
      const previous = update(spec.name);
      if (brand !== brandBefore) {
        fire("cardBrandChanged", "cardNumber", previous);
        if (!states.get("cvv").isEmpty) update("cvv");
      }
      if (spec.name === "postalCode") fire("postalCodeChanged", "postalCode", previous);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") fire("submit", spec.name, states.get(spec.name));
      if (event.key === "Escape") fire("escape", spec.name, states.get(spec.name));
    });
  }
  form.addEventListener("submit", (event) => event.preventDefault());

  return {
    /** Field problems in TokenResult form, marking each bad field with the error class. */
    validateAll() {
      const problems = [];
      for (const spec of specs) {
        if (measure(spec.name).isCompletelyValid) continue;
        update(spec.name, { hasErrorClass: true });
        problems.push({ type: "VALIDATION_ERROR", field: spec.name, message: spec.message });
      }
      return problems;
    },
    markErrors(errors) {
      for (const error of errors ?? []) if (inputs.has(error.field)) update(error.field, { hasErrorClass: true });
    },
    values() {
      return Object.fromEntries(specs.map((spec) => [spec.key, inputs.get(spec.name).value]));
    },
    configure(options) {
      if (options.postalCode !== undefined && inputs.has("postalCode")) {
        inputs.get("postalCode").value = String(options.postalCode);
        update("postalCode");
      }
      if (options.style) applyStyle(options.style);
    },
    focus(name) {
      if (!inputs.has(name)) return false;
      inputs.get(name).focus();
      return true;
    },
    setError(name) {
      if (!inputs.has(name)) return false;
      update(name, { hasErrorClass: true });
      return true;
    },
    clear() {
      for (const spec of specs) {
        inputs.get(spec.name).value = "";
        update(spec.name, { hasErrorClass: false });
      }
      brand = UNKNOWN_BRAND;
    },
  };
}
