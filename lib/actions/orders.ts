"use server";

import { revalidatePath } from "next/cache";
import { requireSeller } from "@/lib/auth/current-seller";
import { appCustomerOpsContext, customerPage } from "@/lib/customers/app-context";
import type { NewOrderResult } from "@/lib/customers/charge-types";
import { createOrderForCustomer } from "@/lib/customers/order-for-customer";

/** New order for a customer: ad hoc items, paid now on file or left OPEN. */
export async function createCustomerOrderAction(input: unknown): Promise<NewOrderResult> {
  const seller = await requireSeller();
  const page = customerPage(input);
  const result = await createOrderForCustomer(await appCustomerOpsContext(seller, page), input);
  if (result.ok || result.code === "DECLINED") revalidatePath(page);
  return result;
}
