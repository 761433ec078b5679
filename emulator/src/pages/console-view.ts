import type { EmulatorContext } from "../context";
import { DEMO_SELLER } from "../domain/demo";
import { listSellers } from "../domain/sellers";
import { tables } from "../domain/tables";
import { GLOBAL } from "../store/store";

export interface SellerSummary {
  merchantId: string;
  businessName: string;
  locationId: string;
  country: string;
  counts: { customers: number; cards: number; giftCards: number; orders: number; payments: number };
}

export interface ConsoleView {
  applicationId: string;
  dataDir: string;
  sellers: SellerSummary[];
  subscriptions: { id: string; name: string; url: string; enabled: boolean; eventTypes: number }[];
  /** Shown after the console's own "Create seller" action: the new seller and a token to call the API with. */
  created?: { merchantId: string; businessName: string; accessToken?: string };
}

/** What the admin console shows: every seller with how much data each table holds for it. */
export function consoleView(ctx: EmulatorContext, createdMerchantId?: string): ConsoleView {
  const t = tables(ctx.store);
  const sellers = listSellers(ctx)
    .map((m) => ({
      merchantId: m.id!,
      businessName: m.businessName ?? m.id!,
      locationId: m.mainLocationId ?? "",
      country: m.country ?? "",
      counts: {
        customers: t.customers.count(m.id!),
        cards: t.cards.count(m.id!),
        giftCards: t.giftCards.count(m.id!),
        orders: t.orders.count(m.id!),
        payments: t.payments.count(m.id!),
      },
    }))
    .sort((a, b) => rank(a) - rank(b) || a.businessName.localeCompare(b.businessName));
  const subscriptions = [...t.webhookSubscriptions.values(GLOBAL)].map((s) => ({
    id: s.id!,
    name: s.name ?? "",
    url: s.notificationUrl ?? "",
    enabled: !!s.enabled,
    eventTypes: s.eventTypes?.length ?? 0,
  }));
  const createdSeller = createdMerchantId ? sellers.find((s) => s.merchantId === createdMerchantId) : undefined;
  const token = createdSeller && [...t.accessTokens.values(GLOBAL)].filter((r) => r.merchantId === createdSeller.merchantId && !r.revoked).pop();
  return {
    applicationId: ctx.config.applicationId,
    dataDir: ctx.config.dataDir,
    sellers,
    subscriptions,
    ...(createdSeller ? { created: { merchantId: createdSeller.merchantId, businessName: createdSeller.businessName, accessToken: token?.token } } : {}),
  };
}

const rank = (s: SellerSummary) => (s.merchantId === DEMO_SELLER.merchantId ? 0 : 1);
