"use server";

import { headers } from "next/headers";
import { appCheckoutDeps } from "@/lib/checkout/deps";
import { clientIp } from "@/lib/checkout/rate-limit";
import { runCheckout } from "@/lib/checkout/run-checkout";
import type { CheckoutOutcome } from "@/lib/checkout/types";
import { getEnv } from "@/lib/env";
import { CheckoutSubmissionSchema, checkoutFieldErrors } from "@/lib/validations/checkout";

/**
 * The public payment page's submit: no session (the buyer is anonymous); the link names the seller.
 * Only a payment token ever arrives here, never card data.
 */
export async function payCheckoutAction(input: unknown): Promise<CheckoutOutcome> {
  const parsed = CheckoutSubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: checkoutFieldErrors(parsed.error) };
  const h = await headers();
  return runCheckout(await appCheckoutDeps(), parsed.data, {
    ip: clientIp(h.get("x-forwarded-for"), getEnv().PATRON_FORWARDED_FOR_HOPS),
    userAgent: h.get("user-agent"),
    page: `/pay/${parsed.data.linkId}`,
  });
}
