/**
 * The local Square as the app's tests see it. Tests under lib/ start the emulator in-process and
 * drive it through the SDK and its admin routes; this module is their one doorway to emulator/, so
 * the app's tree never imports the emulator (DEVELOPERS.md) and white-box peeks stay in one place.
 */
import type { Square } from "square";
import { tables } from "@/emulator/src/domain/tables";
import { GLOBAL } from "@/emulator/src/store/store";
import type { TestEmulator } from "@/emulator/test/harness";

export { startTestEmulator, type TestEmulator, type TestSeller } from "@/emulator/test/harness";
export { mintToken, VISA } from "@/emulator/test/contract/cards-fixtures";

/** Webhook deliveries the local Square still has queued (or is retrying) for one seller. */
export function pendingDeliveries(local: TestEmulator, merchantId: string): number {
  return [...tables(local.emulator.ctx.store).pendingDeliveries.values(GLOBAL)].filter((d) => d.merchantId === merchantId).length;
}

/** A seller's payments, orders and merged-profile map exactly as the local Square holds them. */
export function sellerRecords(local: TestEmulator, merchantId: string): { payments: Square.Payment[]; orders: Square.Order[]; survivorOf: Map<string, string> } {
  const t = tables(local.emulator.ctx.store);
  return { payments: [...t.payments.values(merchantId)], orders: [...t.orders.values(merchantId)], survivorOf: new Map(t.customerAliases.entries(merchantId)) };
}
