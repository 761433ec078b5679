import "server-only";
import { ok } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { orderKey } from "@/lib/checkout/keys";
import { formatMoney } from "@/lib/format";
import { AppError } from "@/lib/errors";
import { createCustomerOrder, type CustomerOrderLine } from "@/lib/square/customer-orders";
import { chargeFieldErrors, chargeSchema, itemsTotal, type LineItemInput } from "@/lib/validations/charges";
import type { ChargeResult } from "./charge-types";
import { sellerCurrency, type CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { onFileSource, payOrderOnFile } from "./pay-on-file";

/**
 * Charges a card or gift card on file: an order linked to the customer (its key from the attempt),
 * then a payment for it (its key from the attempt and the chosen source). A double click or a retry
 * after a timeout replays both; another source after a decline pays the same OPEN order.
 */
export async function chargeOnFile(ctx: CustomerOpsContext, input: unknown): Promise<ChargeResult> {
  const currency = sellerCurrency(ctx);
  const parsed = chargeSchema({ currency, max: ctx.chargeMaxAmount }).safeParse(input);
  if (!parsed.success) return invalid(chargeFieldErrors(parsed.error));
  const { amount, lineItems, note, attemptId } = parsed.data;
  if (lineItems.length && itemsTotal(lineItems) !== amount)
    return invalid({ amount: [`The items add up to ${formatMoney({ amount: itemsTotal(lineItems), currency })}. Make the amount match them, or remove the items.`] });
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    requireScope(ctx.seller, "ORDERS_WRITE", "PAYMENTS_WRITE");
    const source = await onFileSource(ctx, customer, parsed.data.sourceId);
    const locationId = mainLocation(ctx);
    const client = await ctx.square();
    const fetchedAt = new Date();
    const lines: CustomerOrderLine[] = lineItems.length
      ? orderLines(lineItems, currency)
      : [{ name: "Charge on file", quantity: "1", unitPrice: { amount, currency }, itemType: "CUSTOM_AMOUNT", note: note || null }];
    const order = await createCustomerOrder(client, { idempotencyKey: orderKey(attemptId), locationId, customerId: customer.id, lines, referenceId: attemptId });
    const paid = await payOrderOnFile(ctx, { client, customer, order, source, attemptId, note: note || null, fetchedAt });
    return "code" in paid ? paid : ok(paid);
  } catch (err) {
    return failure(err, "charge");
  }
}

export function orderLines(items: LineItemInput[], currency: string): CustomerOrderLine[] {
  return items.map((l) => ({ name: l.name, quantity: String(l.quantity), unitPrice: { amount: l.price, currency }, itemType: "ITEM" }));
}

/** Orders and payments are taken at the seller's main location. */
export function mainLocation(ctx: CustomerOpsContext): string {
  if (!ctx.seller.mainLocationId) throw new AppError("INVALID_INPUT", "Your Square account has no main location to take payments at. Set one up in Square.");
  return ctx.seller.mainLocationId;
}
