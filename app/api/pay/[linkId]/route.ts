import { handleLinkRequest, handlePayRequest } from "@/lib/checkout/api";
import { appCheckoutDeps } from "@/lib/checkout/deps";
import { getEnv } from "@/lib/env";

// Public and per request: nothing here is cached or prerendered.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ linkId: string }> };

async function context({ params }: Params) {
  return { deps: await appCheckoutDeps(), linkId: (await params).linkId, forwardedForHops: getEnv().PATRON_FORWARDED_FOR_HOPS };
}

/** The checkout link's public details (business, items, amount, Square ids for the payments SDK). */
export async function GET(_request: Request, params: Params) {
  return handleLinkRequest(await context(params));
}

/** Pays through the link: see public/openapi/checkout.json. */
export async function POST(request: Request, params: Params) {
  return handlePayRequest(await context(params), request);
}
