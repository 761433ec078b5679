import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { resolveCustomerId } from "../customers";
import { checkLength, checkMoney, mainLocationId, requireLocation, sellerCurrency } from "./seller-checks";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]+$/;
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What CreatePayment settled about the request, before the source is looked at. */
export interface CheckedPayment {
  currency: Square.Currency;
  locationId: string;
  amount: bigint;
  tip: bigint;
  autocomplete: boolean;
  delayDuration: string;
  delayMs: number;
  delayAction: "CANCEL" | "COMPLETE";
}

/** CreatePayment's rules for everything but `source_id`. */
export function checkPaymentRequest(ctx: EmulatorContext, merchantId: string, r: Square.CreatePaymentRequest): CheckedPayment {
  const currency = sellerCurrency(ctx, merchantId);
  if (!r.amountMoney) throw errors.missing("amount_money");
  checkMoney(r.amountMoney, "amount_money", currency);
  if (r.amountMoney.amount! <= 0n) throw errors.badRequest("VALUE_TOO_LOW", "The requested payment total is below the minimum allowed.", "amount_money.amount");
  checkMoney(r.tipMoney, "tip_money", currency);
  const amount = r.amountMoney.amount!;
  const tip = r.tipMoney?.amount ?? 0n;
  checkMoney(r.appFeeMoney, "app_fee_money", currency);
  if (r.appFeeMoney && r.appFeeMoney.amount! * 10n > (amount + tip) * 9n)
    throw errors.badRequest("INVALID_FEES", "app_fee_money may be at most 90% of the payment total.", "app_fee_money.amount");

  const locationId = requireLocation(ctx, merchantId, r.locationId ?? mainLocationId(ctx, merchantId), "location_id").id!;
  checkLength(r.referenceId, "reference_id", 40);
  checkLength(r.note, "note", 500);
  checkLength(r.statementDescriptionIdentifier, "statement_description_identifier", 20);
  checkLength(r.customerId, "customer_id", 191);
  checkLength(r.buyerEmailAddress, "buyer_email_address", 255);
  if (r.buyerEmailAddress && !EMAIL.test(r.buyerEmailAddress))
    throw errors.badRequest("INVALID_EMAIL_ADDRESS", "Invalid email address.", "buyer_email_address");
  const phoneDigits = (r.buyerPhoneNumber ?? "").replace(/\D/g, "").length;
  if (r.buyerPhoneNumber && (!PHONE.test(r.buyerPhoneNumber) || phoneDigits < 9 || phoneDigits > 16))
    throw errors.badRequest("INVALID_PHONE_NUMBER", "Invalid phone number.", "buyer_phone_number");
  if (r.customerId && !resolveCustomerId(ctx, merchantId, r.customerId))
    throw errors.notFound(`Customer with ID \`${r.customerId}\` not found.`, "customer_id");
  if (r.offlinePaymentDetails) throw errors.badRequest("BAD_REQUEST", "Offline payments are first-party only.", "offline_payment_details");

  const autocomplete = r.autocomplete ?? true;
  if (autocomplete) {
    for (const [key, field] of [["delayDuration", "delay_duration"], ["delayAction", "delay_action"], ["acceptPartialAuthorization", "accept_partial_authorization"]] as const)
      if (r[key] !== undefined && r[key] !== false)
        throw errors.badRequest("CONFLICTING_PARAMETERS", `\`${field}\` can be set only when \`autocomplete\` is false.`, field);
  }
  const delayMs = r.delayDuration ? parseDuration(r.delayDuration) : 7 * DAY;
  const delayAction = r.delayAction ?? "CANCEL";
  if (delayAction !== "CANCEL" && delayAction !== "COMPLETE") throw errors.badRequest("INVALID_ENUM_VALUE", "delay_action is CANCEL or COMPLETE.", "delay_action");
  return { currency, locationId, amount, tip, autocomplete, delayDuration: r.delayDuration ?? "PT168H", delayMs, delayAction };
}

/** RFC 3339 durations as Square takes them for delayed capture: one minute to seven days. */
function parseDuration(text: string): number {
  const m = DURATION.exec(text);
  if (!m || text === "P" || text.endsWith("T")) throw errors.badRequest("INVALID_VALUE", `\`${text}\` is not an RFC 3339 duration.`, "delay_duration");
  const [w, d, h, min, s] = m.slice(1).map((v) => Number(v ?? 0));
  const ms = (((w * 7 + d) * 24 + h) * 60 + min) * MINUTE + s * 1000;
  if (ms < MINUTE) throw errors.badRequest("VALUE_TOO_LOW", "delay_duration must be at least one minute.", "delay_duration");
  if (ms > 7 * DAY) throw errors.badRequest("VALUE_TOO_HIGH", "delay_duration may be at most seven days.", "delay_duration");
  return ms;
}
