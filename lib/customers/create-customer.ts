import "server-only";
import { z } from "zod";
import { ok, type ActionResult } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { customerDisplayName } from "@/lib/format";
import { createCustomerProfile, findCustomersByContact } from "@/lib/square/customer-writes";
import type { CustomerRecord } from "@/lib/square/types";
import { CustomerFormSchema, customerFieldErrors, customerFieldsFromForm } from "@/lib/validations/customers";
import { UNREADABLE_FORM } from "@/lib/validations/form";
import type { CustomerOpsContext } from "./context";
import { failure, invalid } from "./failure";
import { auditWrite, mirrorSquareAnswer } from "./record";

/** A profile Square already has with the same email or phone, to warn about before creating another. */
export interface ExistingProfile {
  id: string;
  name: string;
  emailAddress: string | null;
  phoneNumber: string | null;
  createdAt: string | null;
}

export type CreateCustomerResult = ActionResult<{ customerId: string } | { duplicates: ExistingProfile[] }>;

const CreateInput = z.object(
  {
    /** Minted by the form: a double submit creates one profile. */
    attemptId: z.uuid({ error: "Reload the page and try again." }),
    /** The seller saw the warning about an existing profile and chose to create another. */
    allowDuplicate: z.boolean({ error: "Reload the page and try again." }).default(false),
    values: CustomerFormSchema,
  },
  { error: UNREADABLE_FORM },
);

/**
 * Creates a customer at Square. Square does not dedupe, so unless the seller already confirmed,
 * SearchCustomers by exact email and phone runs first and any match comes back as a warning.
 */
export async function createCustomer(ctx: CustomerOpsContext, input: unknown): Promise<CreateCustomerResult> {
  const parsed = CreateInput.safeParse(input);
  if (!parsed.success) return invalid(customerFieldErrors(parsed.error));
  const form = customerFieldsFromForm(parsed.data.values, ctx.seller.country);
  if (!form.ok) return invalid(form.fieldErrors);
  try {
    requireScope(ctx.seller, "CUSTOMERS_READ", "CUSTOMERS_WRITE");
    const client = await ctx.square();
    const fetchedAt = new Date();
    if (!parsed.data.allowDuplicate) {
      const found = await findCustomersByContact(client, { email: form.fields.emailAddress, phone: form.fields.phoneNumber });
      if (found.length) {
        await mirrorSquareAnswer(ctx, { fetchedAt, customers: found });
        return ok({ duplicates: found.map(existingProfile) });
      }
    }
    const customer = await createCustomerProfile(client, `patron-customer-${parsed.data.attemptId}`, form.fields);
    await mirrorSquareAnswer(ctx, { fetchedAt, customers: [customer] });
    await auditWrite(ctx, "customer.created", [customer.id], { fields: Object.keys(parsed.data.values).filter((k) => parsed.data.values[k as keyof typeof parsed.data.values]) });
    return ok({ customerId: customer.id });
  } catch (err) {
    return failure(err, "customer");
  }
}

/** The form's live check: profiles with this exact email or phone, before the seller submits. */
export async function findExistingCustomers(ctx: CustomerOpsContext, input: unknown): Promise<ActionResult<ExistingProfile[]>> {
  const parsed = z.object({ emailAddress: z.string().trim().max(254).default(""), phoneNumber: z.string().trim().max(32).default("") }).safeParse(input);
  if (!parsed.success) return ok([]);
  const email = z.email().safeParse(parsed.data.emailAddress).success ? parsed.data.emailAddress : null;
  const phone = parsed.data.phoneNumber ? customerFieldsFromForm({ ...blankWith(parsed.data.phoneNumber) }, ctx.seller.country) : null;
  const e164 = phone?.ok ? phone.fields.phoneNumber : null;
  if (!email && !e164) return ok([]);
  try {
    requireScope(ctx.seller, "CUSTOMERS_READ");
    const found = await findCustomersByContact(await ctx.square(), { email, phone: e164 });
    if (found.length) await mirrorSquareAnswer(ctx, { fetchedAt: new Date(), customers: found });
    return ok(found.map(existingProfile));
  } catch (err) {
    return failure(err, "customer");
  }
}

function blankWith(phoneNumber: string) {
  return CustomerFormSchema.parse({ phoneNumber });
}

function existingProfile(c: CustomerRecord): ExistingProfile {
  return { id: c.id, name: customerDisplayName(c), emailAddress: c.emailAddress, phoneNumber: c.phoneNumber, createdAt: c.createdAt };
}
