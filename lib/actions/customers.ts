"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { appCustomerOpsContext } from "@/lib/customers/app-context";
import { createCustomer, findExistingCustomers, type CreateCustomerResult, type ExistingProfile } from "@/lib/customers/create-customer";
import { updateCustomer, type UpdateCustomerResult } from "@/lib/customers/update-customer";

/** New customer form: warns about a profile with the same email or phone before creating another. */
export async function createCustomerAction(input: unknown): Promise<CreateCustomerResult> {
  const seller = await requireSeller();
  const result = await createCustomer(await appCustomerOpsContext(seller, "/customers/new"), input);
  if (result.ok && "customerId" in result.data) revalidatePath("/customers");
  return result;
}

/** Edit form: sends the changed fields with the version the form was filled from. */
export async function updateCustomerAction(input: unknown): Promise<UpdateCustomerResult> {
  const seller = await requireSeller();
  const result = await updateCustomer(await appCustomerOpsContext(seller, "/customers"), input);
  if (result.ok) revalidatePath(`/customers/${result.data.customerId}`);
  return result;
}

/** The new customer form's live check of the email and phone typed so far (SearchCustomers at Square). */
export async function findExistingCustomersAction(input: unknown): Promise<ActionResult<ExistingProfile[]>> {
  const seller = await requireSeller();
  return findExistingCustomers(await appCustomerOpsContext(seller, "/customers/new"), input);
}
