"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { appCustomerOpsContext, customerPage } from "@/lib/customers/app-context";
import { linkGiftCard, unlinkGiftCard } from "@/lib/customers/gift-card-links";

/** Link by GAN: the gift card printed number puts it on file for the customer. */
export async function linkGiftCardAction(input: unknown): Promise<ActionResult<{ giftCardId: string }>> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await linkGiftCard(await appCustomerOpsContext(seller, page), input);
  if (result.ok) revalidatePath(page);
  return result;
}

export async function unlinkGiftCardAction(input: unknown): Promise<ActionResult<{ giftCardId: string }>> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await unlinkGiftCard(await appCustomerOpsContext(seller, page), input);
  if (result.ok) revalidatePath(page);
  return result;
}
