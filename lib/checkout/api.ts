import "server-only";
import { getActiveCheckoutLink } from "@/lib/db/queries/checkout-links";
import { CheckoutApiRequestSchema, submissionFromApi } from "@/lib/validations/checkout-api";
import { errorResponse, outcomeResponse } from "./api-response";
import { consentExplanation, consentLabel, CONSENT_WORDING_VERSION } from "./consent";
import type { CheckoutDeps } from "./deps";
import { itemsTotal } from "./pricing";
import { clientIp } from "./rate-limit";
import { runCheckout } from "./run-checkout";

const MAX_BODY_BYTES = 64 * 1024;
const NOT_FOUND = { code: "NOT_FOUND", message: "This checkout link does not exist or is no longer active." };

export interface ApiRequestContext {
  deps: CheckoutDeps;
  linkId: string;
  /** Which X-Forwarded-For entry is the client (PATRON_FORWARDED_FOR_HOPS). */
  forwardedForHops: number;
}

/** POST /api/pay/{linkId}: the payment page's checkout for apps, through the very same runCheckout. */
export async function handlePayRequest(ctx: ApiRequestContext, request: Request): Promise<Response> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return errorResponse(400, { code: "INVALID_INPUT", message: "Send the body as JSON (Content-Type: application/json)." });
  const tooLarge = () => errorResponse(400, { code: "INVALID_INPUT", message: "The body is too large." });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorResponse(400, { code: "INVALID_INPUT", message: "The body is not valid JSON." });
  }
  const parsed = CheckoutApiRequestSchema.safeParse(json);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.code === "unrecognized_keys" ? [...issue.path, ...issue.keys].join(".") : issue.path.join(".") || "body";
      (fields[path] ??= []).push(issue.code === "unrecognized_keys" ? "Unknown field." : issue.message);
    }
    return errorResponse(400, { code: "INVALID_INPUT", message: "Some fields were not accepted.", fields });
  }
  const outcome = await runCheckout(ctx.deps, submissionFromApi(ctx.linkId, parsed.data), {
    ip: clientIp(request.headers.get("x-forwarded-for"), ctx.forwardedForHops),
    userAgent: request.headers.get("user-agent"),
    page: `POST /api/pay/${ctx.linkId}`,
  });
  return outcomeResponse(outcome);
}

/** GET /api/pay/{linkId}: what an app needs to show the checkout and tokenize a card for it. */
export async function handleLinkRequest(ctx: ApiRequestContext): Promise<Response> {
  const link = await getActiveCheckoutLink(ctx.deps.db, { linkId: ctx.linkId });
  if (!link) return errorResponse(404, NOT_FOUND);
  return Response.json(
    {
      link: {
        id: link.id,
        business_name: link.businessName,
        title: link.title,
        currency: link.currency,
        pricing: link.pricing,
        line_items: link.lineItems.map((l) => ({ name: l.name, quantity: l.quantity, unit_amount: l.unitAmount, total_amount: l.quantity * l.unitAmount })),
        total_amount: link.pricing === "items" ? itemsTotal(link.lineItems) : null,
        open_min_amount: link.pricing === "open" ? link.openMinAmount : null,
        open_max_amount: link.pricing === "open" ? link.openMaxAmount : null,
        consent: link.offerSaveCard
          ? { label: consentLabel(link.businessName), explanation: consentExplanation(link.businessName), wording_version: CONSENT_WORDING_VERSION }
          : null,
        square: { application_id: ctx.deps.config.applicationId, location_id: link.locationId },
      },
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
