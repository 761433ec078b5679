import "server-only";
import type { Square, SquareClient } from "square";
import { callSquare } from "./errors";
import type { Location, MerchantProfile } from "./types";

/** The signed-in seller's business and locations (RetrieveMerchant "me" + ListLocations). */
export async function getMerchantProfile(client: SquareClient): Promise<MerchantProfile> {
  const [merchantRes, locationsRes] = await Promise.all([
    callSquare(() => client.merchants.get({ merchantId: "me" })),
    callSquare(() => client.locations.list()),
  ]);
  const merchant = merchantRes.merchant;
  if (!merchant?.id) throw new Error("RetrieveMerchant returned no merchant.");
  const locations = (locationsRes.locations ?? []).map(reshapeLocation);
  return {
    merchantId: merchant.id,
    businessName: merchant.businessName ?? merchant.id,
    country: merchant.country ?? null,
    currency: merchant.currency ?? null,
    mainLocationId: merchant.mainLocationId ?? locations.find((l) => l.status === "ACTIVE")?.id ?? null,
    locations,
  };
}

export function reshapeLocation(location: Square.Location): Location {
  return {
    id: location.id ?? "",
    name: location.name ?? location.businessName ?? location.id ?? "",
    status: location.status ?? "ACTIVE",
    currency: location.currency ?? null,
    timezone: location.timezone ?? null,
  };
}

/** All of the seller's locations, inactive ones too (ListLocations). */
export async function listLocations(client: SquareClient): Promise<Location[]> {
  const res = await callSquare(() => client.locations.list());
  return (res.locations ?? []).map(reshapeLocation);
}
