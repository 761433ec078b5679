import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { ids } from "../../ids";
import { emitCustomerEvent } from "../customer-events";
import { createCustomer, resolveCustomerId } from "../customers";
import { savePayment } from "../payments/payment-store";
import { tables } from "../tables";

/**
 * Square's late customer assignment: some time after a payment completes without `customer_id`,
 * Square attaches a profile to the *payment* (never to its order or tenders). The wait is
 * `config.assignDelayMs`; pending assignments are stored, so a restart reschedules them.
 */
export function scheduleAssignment(ctx: EmulatorContext, merchantId: string, paymentId: string) {
  const dueAt = new Date(ctx.clock.nowMs() + ctx.config.assignDelayMs).toISOString();
  tables(ctx.store).pendingAssignments.put(merchantId, paymentId, { paymentId, dueAt });
  ctx.timers.after(ctx.config.assignDelayMs, () => assignCustomer(ctx, merchantId, paymentId));
}

/** Called at start-up: every payment still waiting gets its timer back. */
export function resumeAssignments(ctx: EmulatorContext) {
  const pending = tables(ctx.store).pendingAssignments;
  for (const merchantId of pending.sellers())
    for (const row of pending.values(merchantId)) {
      const wait = Math.max(0, Date.parse(row.dueAt) - ctx.clock.nowMs());
      ctx.timers.after(wait, () => assignCustomer(ctx, merchantId, row.paymentId));
    }
}

export function assignCustomer(ctx: EmulatorContext, merchantId: string, paymentId: string) {
  const t = tables(ctx.store);
  if (!t.pendingAssignments.get(merchantId, paymentId)) return;
  t.pendingAssignments.delete(merchantId, paymentId);
  const payment = t.payments.get(merchantId, paymentId);
  if (!payment || payment.customerId || payment.status !== "COMPLETED") return;
  const customerId = matchCustomer(ctx, merchantId, payment);
  if (customerId) savePayment(ctx, merchantId, { ...payment, customerId }, "payment.updated");
}

/**
 * The profile whose email is the buyer's (case-insensitive, oldest profile first), else the owner
 * of a card on file with the same fingerprint, else a new INSTANT_PROFILE. A cash or external
 * payment with no buyer email identifies nobody and stays without a customer.
 */
function matchCustomer(ctx: EmulatorContext, merchantId: string, payment: Square.Payment): string | undefined {
  const t = tables(ctx.store);
  const email = payment.buyerEmailAddress?.toLowerCase();
  if (email) for (const customer of t.customers.values(merchantId)) if (customer.emailAddress?.toLowerCase() === email) return customer.id;
  const fingerprint = payment.cardDetails?.card?.fingerprint;
  if (fingerprint)
    for (const card of t.cards.values(merchantId)) {
      const owner = card.fingerprint === fingerprint && card.customerId ? resolveCustomerId(ctx, merchantId, card.customerId) : undefined;
      if (owner) return owner;
    }
  if (!email && !payment.cardDetails) return undefined;
  return instantProfile(ctx, merchantId, payment.buyerEmailAddress).id;
}

function instantProfile(ctx: EmulatorContext, merchantId: string, email: string | undefined): Square.Customer {
  // Through the API a profile needs an identity field; Square's instant profiles may have none.
  let customer: Square.Customer;
  try {
    customer = email ? createCustomer(ctx, merchantId, { emailAddress: email }, { creationSource: "INSTANT_PROFILE" }) : storeBare(ctx, merchantId);
  } catch {
    customer = storeBare(ctx, merchantId, email); // an address CreatePayment took but the Customers API would refuse
  }
  emitCustomerEvent(ctx, merchantId, "customer.created", customer);
  return customer;
}

function storeBare(ctx: EmulatorContext, merchantId: string, emailAddress?: string): Square.Customer {
  const now = ctx.clock.iso();
  const id = ids.customer();
  const customer: Square.Customer = {
    id,
    createdAt: now,
    updatedAt: now,
    ...(emailAddress ? { emailAddress } : {}),
    preferences: { emailUnsubscribed: false },
    creationSource: "INSTANT_PROFILE",
    version: 0n,
  };
  return tables(ctx.store).customers.put(merchantId, id, customer);
}
