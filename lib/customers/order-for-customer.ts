import "server-only";
import { ok } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { orderKey } from "@/lib/checkout/keys";
import { createCustomerOrder } from "@/lib/square/customer-orders";
import { chargeFieldErrors, itemsTotal, newOrderSchema } from "@/lib/validations/charges";
import type { NewOrderResult } from "./charge-types";
import { mainLocation, orderLines } from "./charge-on-file";
import { sellerCurrency, type CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { onFileSource, payOrderOnFile } from "./pay-on-file";
import { auditWrite, mirrorSquareAnswer } from "./record";

/** A new order of ad hoc items linked to the customer: paid now from a card or gift card on file, or left OPEN. */
export async function createOrderForCustomer(ctx: CustomerOpsContext, input: unknown): Promise<NewOrderResult> {
  const currency = sellerCurrency(ctx);
  const parsed = newOrderSchema({ currency, max: ctx.chargeMaxAmount }).safeParse(input);
  if (!parsed.success) return invalid(chargeFieldErrors(parsed.error));
  const { lineItems, payWith, attemptId, note } = parsed.data;
  if (payWith && itemsTotal(lineItems) > ctx.chargeMaxAmount)
    return invalid({ lineItems: [`The items add up to more than the most you can charge at once; leave the order open, or split it.`] });
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    requireScope(ctx.seller, "ORDERS_WRITE", ...(payWith ? (["PAYMENTS_WRITE"] as const) : []));
    const source = payWith ? await onFileSource(ctx, customer, payWith) : null;
    const client = await ctx.square();
    const fetchedAt = new Date();
    const order = await createCustomerOrder(client, {
      idempotencyKey: orderKey(attemptId),
      locationId: mainLocation(ctx),
      customerId: customer.id,
      lines: orderLines(lineItems, currency),
      referenceId: attemptId,
    });
    const total = order.total ?? { amount: itemsTotal(lineItems), currency };
    if (!source) {
      await mirrorSquareAnswer(ctx, { fetchedAt, orders: [order] });
      await auditWrite(ctx, "order.created", [order.id, customer.id], { total: total.amount, currency: total.currency, items: lineItems.length });
      return ok({ orderId: order.id, total, state: order.state ?? "OPEN", payment: null });
    }
    const paid = await payOrderOnFile(ctx, { client, customer, order, source, attemptId, note: note || null, fetchedAt });
    if ("code" in paid) return paid;
    return ok({ orderId: order.id, total, state: "COMPLETED", payment: paid });
  } catch (err) {
    return failure(err, "charge");
  }
}
