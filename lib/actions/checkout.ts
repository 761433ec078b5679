"use server";

import { headers } from "next/headers";
import { appCheckoutDeps } from "@/lib/checkout/deps";
import { clientIp } from "@/lib/checkout/rate-limit";
import { submitCheckout } from "@/lib/checkout/submit";
import type { CheckoutOutcome } from "@/lib/checkout/types";
import { getEnv } from "@/lib/env";

/** The public payment page's submit: no session (the buyer is anonymous); the link names the seller. */
export async function payCheckoutAction(input: unknown): Promise<CheckoutOutcome> {
  const h = await headers();
  return submitCheckout(await appCheckoutDeps(), input, {
    ip: clientIp(h.get("x-forwarded-for"), getEnv().PATRON_FORWARDED_FOR_HOPS),
    userAgent: h.get("user-agent"),
  });
}
