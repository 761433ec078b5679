import "server-only";
import { CheckoutSubmissionSchema, checkoutFieldErrors } from "@/lib/validations/checkout";
import type { CheckoutDeps } from "./deps";
import { runCheckout } from "./run-checkout";
import type { CheckoutOutcome, RequestMeta } from "./types";

/**
 * The payment page's submit (payCheckoutAction) without Next: whatever the browser sent is checked
 * field by field, then the very same runCheckout as the JSON endpoint. Only a payment token ever
 * arrives here, never card data.
 */
export async function submitCheckout(deps: CheckoutDeps, input: unknown, meta: Omit<RequestMeta, "page">): Promise<CheckoutOutcome> {
  const parsed = CheckoutSubmissionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors: checkoutFieldErrors(parsed.error) };
  return runCheckout(deps, parsed.data, { ...meta, page: `/pay/${parsed.data.linkId}` });
}
