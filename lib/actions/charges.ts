"use server";

import { revalidatePath } from "next/cache";
import { requireSeller } from "@/lib/auth/current-seller";
import { appCustomerOpsContext, customerPage } from "@/lib/customers/app-context";
import { chargeOnFile } from "@/lib/customers/charge-on-file";
import type { ChargeResult } from "@/lib/customers/charge-types";

/** Charge on file: an order for the customer, paid from their card or gift card on file. */
export async function chargeOnFileAction(input: unknown): Promise<ChargeResult> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await chargeOnFile(await appCustomerOpsContext(seller, page), input);
  // A decline leaves an OPEN order and a FAILED payment in the history too.
  if (result.ok || result.code === "DECLINED") revalidatePath(page);
  return result;
}
