import type { Square } from "square";
import type { EmulatorContext } from "../../context";
import { errors } from "../../http/errors";
import { schemas, toWire } from "../../http/wire";
import { ids } from "../../ids";
import { tables } from "../tables";

export const paymentWire = (payment: Square.Payment) => toWire(schemas.Payment, payment) as Record<string, unknown>;

export function getPayment(ctx: EmulatorContext, merchantId: string, id: string): Square.Payment {
  const payment = tables(ctx.store).payments.get(merchantId, id);
  if (!payment) throw errors.notFound(`Could not find payment with id: ${id}`);
  return payment;
}

/** An opaque token that changes with every write, as Square's `version_token` does. */
export const newVersionToken = () => ids.uid() + ids.uid();

/**
 * Writes a payment and raises its webhook. Every change after creation gets a fresh
 * `updated_at` and `version_token`, and `payment.updated`.
 */
export function savePayment(ctx: EmulatorContext, merchantId: string, payment: Square.Payment, event: "payment.created" | "payment.updated"): Square.Payment {
  const saved: Square.Payment =
    event === "payment.created" ? payment : { ...payment, updatedAt: ctx.clock.iso(), versionToken: newVersionToken() };
  tables(ctx.store).payments.put(merchantId, saved.id!, saved);
  ctx.events.emit({
    merchantId,
    type: event,
    dataType: "payment",
    objectId: saved.id!,
    // A getter: serialized only when the bus builds a delivery (generated history has no listeners).
    object: {
      get payment() {
        return paymentWire(saved);
      },
    },
    ...(saved.locationId ? { locationId: saved.locationId } : {}),
  });
  return saved;
}

/** Refuses a write made against an outdated `version_token`. */
export function checkVersionToken(payment: Square.Payment, versionToken: string | null | undefined) {
  if (versionToken && versionToken !== payment.versionToken)
    throw errors.conflict("VERSION_MISMATCH", "The payment's version_token does not match; retrieve the payment and retry.", "version_token");
}
