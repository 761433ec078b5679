import type { EmulatorContext } from "../context";
import { createSeller } from "./sellers";

export const DEMO_SELLER = {
  merchantId: "PATRONDEMO001",
  locationId: "PATRONLOC0001",
  businessName: "Patron Demo Café",
} as const;

/** The demo seller every fresh emulator starts with: a café with a year of history. */
export function seedDemoSeller(ctx: EmulatorContext) {
  return createSeller(ctx, {
    merchantId: DEMO_SELLER.merchantId,
    locationId: DEMO_SELLER.locationId,
    businessName: DEMO_SELLER.businessName,
    timezone: "America/Los_Angeles",
  });
}
