"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ok, toActionError, type ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { requireScope } from "@/lib/auth/scopes";
import { linkFieldsFromForm } from "@/lib/checkout/link-fields";
import { getDb } from "@/lib/db/client";
import { createCheckoutLink, deleteCheckoutLink, getCheckoutLink, setCheckoutLinkActive, updateCheckoutLink } from "@/lib/db/queries/checkout-links";
import { AppError } from "@/lib/errors";
import { squareFor } from "@/lib/square/for-seller";
import { getMerchantProfile } from "@/lib/square/merchants";
import { CheckoutLinkFormSchema, linkFieldErrors } from "@/lib/validations/checkout-links";

const LinkId = z.string().trim().min(1).max(64);
const invalid = (fieldErrors: Record<string, string[]>): ActionResult<never> => ({ ok: false, code: "INVALID_INPUT", message: "Check the highlighted fields.", fieldErrors });
const notFound = (): ActionResult<never> => ({ ok: false, code: "NOT_FOUND", message: "That checkout link does not exist." });

/** Validates the form and turns it into stored fields against the seller's own locations at Square. */
async function fieldsFor(seller: { merchantId: string; scopes: string[] }, input: unknown) {
  const form = CheckoutLinkFormSchema.safeParse(input);
  if (!form.success) return { ok: false as const, fieldErrors: linkFieldErrors(form.error) };
  requireScope(seller, "MERCHANT_PROFILE_READ");
  const profile = await getMerchantProfile(await squareFor(seller));
  return linkFieldsFromForm(form.data, profile.locations);
}

export async function createCheckoutLinkAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const seller = await requireSeller();
  try {
    const fields = await fieldsFor(seller, input);
    if (!fields.ok) return invalid(fields.fieldErrors);
    // 96 random bits: the id is the public URL, so it must not be guessable.
    const link = await createCheckoutLink(await getDb(), { id: randomBytes(12).toString("base64url"), merchantId: seller.merchantId, ...fields.fields });
    revalidatePath("/checkout-links");
    return ok({ id: link.id });
  } catch (err) {
    return toActionError(err);
  }
}

export async function updateCheckoutLinkAction(linkId: unknown, input: unknown): Promise<ActionResult<{ id: string }>> {
  const seller = await requireSeller();
  const id = LinkId.safeParse(linkId);
  if (!id.success) return notFound();
  try {
    const db = await getDb();
    if (!(await getCheckoutLink(db, { merchantId: seller.merchantId, linkId: id.data }))) return notFound();
    const fields = await fieldsFor(seller, input);
    if (!fields.ok) return invalid(fields.fieldErrors);
    const link = await updateCheckoutLink(db, { merchantId: seller.merchantId, linkId: id.data, ...fields.fields });
    if (!link) return notFound();
    revalidatePath("/checkout-links");
    return ok({ id: link.id });
  } catch (err) {
    return toActionError(err);
  }
}

export async function setCheckoutLinkActiveAction(linkId: unknown, active: unknown): Promise<ActionResult> {
  const seller = await requireSeller();
  const id = LinkId.safeParse(linkId);
  if (!id.success) return notFound();
  if (typeof active !== "boolean") return invalid({ active: ["Say whether the link is active: true or false."] });
  if (!(await setCheckoutLinkActive(await getDb(), { merchantId: seller.merchantId, linkId: id.data, active }))) return notFound();
  revalidatePath("/checkout-links");
  return ok(undefined);
}

/** Deletes the link; its past checkouts stay on record (and at Square). */
export async function deleteCheckoutLinkAction(linkId: unknown): Promise<ActionResult> {
  const seller = await requireSeller();
  const id = LinkId.safeParse(linkId);
  if (!id.success) return notFound();
  try {
    if (!(await deleteCheckoutLink(await getDb(), { merchantId: seller.merchantId, linkId: id.data }))) throw new AppError("NOT_FOUND", "That checkout link does not exist.");
    revalidatePath("/checkout-links");
    return ok(undefined);
  } catch (err) {
    return toActionError(err);
  }
}
