// Live validation for the card fields. The emulator checks the same rules again on tokenize
// (emulator/src/domain/cards-numbers.ts); these only drive the form's feedback and events.
// `usual` is the length most cards of the brand have: a number that long which fails is flagged
// while typing; the rarer longer lengths are still accepted.
const BRANDS = [
  { brand: "AMERICAN_EXPRESS", prefix: /^3[47]/, lengths: [15], usual: 15, luhn: true },
  { brand: "DISCOVER_DINERS", prefix: /^3(0[0-5]|[689])/, lengths: [14, 15, 16], usual: 14, luhn: true },
  { brand: "JCB", prefix: /^35(2[89]|[3-8])/, lengths: [16, 17, 18, 19], usual: 16, luhn: true },
  { brand: "VISA", prefix: /^4/, lengths: [13, 16, 19], usual: 16, luhn: true },
  { brand: "MASTERCARD", prefix: /^(5[1-5]|2[2-7])/, lengths: [16], usual: 16, luhn: true },
  { brand: "DISCOVER", prefix: /^6(011|5|4[4-9])/, lengths: [16, 17, 18, 19], usual: 16, luhn: true },
  { brand: "CHINA_UNIONPAY", prefix: /^62/, lengths: [16, 17, 18, 19], usual: 16, luhn: false },
];

export const UNKNOWN_BRAND = "OTHER_BRAND";

const digits = (value) => value.replace(/[\s-]/g, "");
const state = (isEmpty, isPotentiallyValid, isCompletelyValid) => ({ isEmpty, isPotentiallyValid, isCompletelyValid });

function luhn(number) {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const ruleFor = (number) => BRANDS.find((rule) => rule.prefix.test(number));

export function brandOf(value) {
  return ruleFor(digits(value))?.brand ?? UNKNOWN_BRAND;
}

export function cardNumberState(value) {
  const number = digits(value);
  if (!number) return state(true, true, false);
  if (/\D/.test(number)) return state(false, false, false);
  const rule = ruleFor(number);
  // Too few digits to know the brand yet: any card network's first digits may follow.
  if (!rule) return state(false, number.length < 4 && /^[2-6]/.test(number), false);
  const complete = rule.lengths.includes(number.length) && (!rule.luhn || luhn(number));
  return state(false, complete || number.length < rule.usual, complete);
}

/** MM/YY (or MM/YYYY), good through the last day of the month. */
export function expiryState(value, now = new Date()) {
  const text = value.trim();
  if (!text) return state(true, true, false);
  const parts = /^(\d{0,2})\s*\/?\s*(\d{0,4})$/.exec(text);
  if (!parts) return state(false, false, false);
  const [, month, year] = parts;
  const monthOk = month.length < 2 || (Number(month) >= 1 && Number(month) <= 12);
  if (year.length === 2 || year.length === 4) {
    const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    const valid = month.length > 0 && Number(month) >= 1 && Number(month) <= 12 && Date.UTC(fullYear, Number(month), 1) > now.getTime();
    return state(false, valid, valid);
  }
  return state(false, monthOk, false);
}

export function cvvState(value, brand) {
  const length = brand === "AMERICAN_EXPRESS" ? 4 : 3;
  const text = value.trim();
  if (!text) return state(true, true, false);
  return state(false, new RegExp(`^\\d{1,${length}}$`).test(text), new RegExp(`^\\d{${length}}$`).test(text));
}

export function postalCodeState(value) {
  const text = value.trim();
  if (!text) return state(true, true, false);
  return state(false, /^[A-Za-z0-9 -]{1,10}$/.test(text), /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(text));
}

export function giftCardNumberState(value) {
  const number = digits(value);
  if (!number) return state(true, true, false);
  const complete = /^7783\d{12}$/.test(number);
  const partial = /^\d{1,16}$/.test(number) && "7783".startsWith(number.slice(0, 4));
  return state(false, partial, complete);
}
