"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { appCustomerOpsContext, customerPage } from "@/lib/customers/app-context";
import { disableCard } from "@/lib/customers/disable-card";
import { saveCard, saveCardFromPayment, type SavedCard } from "@/lib/customers/save-card";

/** Saves the card typed into Square's card form, only with the customer's consent ticked (recorded). */
export async function saveCardAction(input: unknown): Promise<ActionResult<SavedCard>> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await saveCard(await appCustomerOpsContext(seller, page), input);
  if (result.ok) revalidatePath(page);
  return result;
}

/** Saves the card of one of the customer's earlier payments, only with consent. */
export async function saveCardFromPaymentAction(input: unknown): Promise<ActionResult<SavedCard>> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await saveCardFromPayment(await appCustomerOpsContext(seller, page), input);
  if (result.ok) revalidatePath(page);
  return result;
}

export async function disableCardAction(input: unknown): Promise<ActionResult<{ cardId: string }>> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await disableCard(await appCustomerOpsContext(seller, page), input);
  if (result.ok) revalidatePath(page);
  return result;
}
