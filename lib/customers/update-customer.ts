import "server-only";
import { z } from "zod";
import { ok, type ActionResult } from "@/lib/action-result";
import { requireScope } from "@/lib/auth/scopes";
import { addressFromWire } from "@/lib/db/queries/customer-profile";
import { isAppError } from "@/lib/errors";
import { getCustomerRecord } from "@/lib/square/customers";
import { updateCustomerProfile, type CustomerFields } from "@/lib/square/customer-writes";
import type { CustomerRecord } from "@/lib/square/types";
import { CustomerIdSchema } from "@/lib/validations/cards";
import { CustomerFormSchema, customerFieldErrors, customerFieldsFromForm, formValuesFromProfile, type CustomerFormValues } from "@/lib/validations/customers";
import { UNREADABLE_FORM } from "@/lib/validations/form";
import type { CustomerOpsContext } from "./context";
import { CUSTOMER_FIELD_LABELS } from "./field-labels";
import { failure, invalid } from "./failure";
import { requireCustomer } from "./guard";
import { auditWrite, mirrorSquareAnswer } from "./record";
import { sellerMessage } from "./seller-messages";

/** One field someone else changed at Square while the seller was editing. */
export interface FieldChange {
  field: keyof CustomerFormValues;
  label: string;
  /** What the seller's form started from. */
  was: string;
  /** What Square has now. */
  now: string;
}

/** A stale edit: nothing was written; here is what changed and the version to edit from now. */
export interface UpdateConflict {
  ok: false;
  code: "CONFLICT";
  message: string;
  changes: FieldChange[];
  current: CustomerFormValues;
  version: number;
}

export type UpdateCustomerResult = ActionResult<{ customerId: string; version: number }> | UpdateConflict;

const RELOAD = "Reload the page and try again.";

const UpdateInput = z.object(
  {
    customerId: CustomerIdSchema,
    /** The version the form was filled from. */
    version: z.number({ error: RELOAD }).int(RELOAD).min(0, RELOAD),
    /** The values the form was filled from: what "changed" means, and what a conflict is shown against. */
    original: CustomerFormSchema,
    values: CustomerFormSchema,
  },
  { error: UNREADABLE_FORM },
);

const ADDRESS_FIELDS = ["addressLine1", "addressLine2", "locality", "administrativeDistrictLevel1", "postalCode", "country"] as const;

/**
 * Sends only what the seller changed, with the version they saw. When someone else changed the
 * profile since (Square answers CONFLICT), nothing is overwritten: the result lists what changed.
 */
export async function updateCustomer(ctx: CustomerOpsContext, input: unknown): Promise<UpdateCustomerResult> {
  const parsed = UpdateInput.safeParse(input);
  if (!parsed.success) return invalid(customerFieldErrors(parsed.error));
  const { original, values, version } = parsed.data;
  const form = customerFieldsFromForm(values, ctx.seller.country);
  if (!form.ok) return invalid(form.fieldErrors);
  try {
    const customer = await requireCustomer(ctx, parsed.data.customerId);
    requireScope(ctx.seller, "CUSTOMERS_WRITE");
    const changes = changedFields(original, values, form.fields);
    if (!Object.keys(changes).length) return ok({ customerId: customer.id, version });
    const client = await ctx.square();
    const fetchedAt = new Date();
    try {
      const updated = await updateCustomerProfile(client, { customerId: customer.id, version, changes });
      await mirrorSquareAnswer(ctx, { fetchedAt, customers: [updated] });
      await auditWrite(ctx, "customer.updated", [customer.id], { fields: Object.keys(changes), fromVersion: version, toVersion: updated.version });
      return ok({ customerId: customer.id, version: updated.version });
    } catch (err) {
      if (!isAppError(err, "CONFLICT")) throw err;
      const current = await getCustomerRecord(client, customer.id);
      if (!current) throw err;
      await mirrorSquareAnswer(ctx, { fetchedAt, customers: [current] });
      const now = formValuesFromProfile(profileOf(current));
      // Square already holds exactly this edit and nothing else changed: an earlier try of it went
      // through and only its answer was lost. That is the seller's own change, saved.
      if (sameValues(now, values)) {
        await auditWrite(ctx, "customer.updated", [customer.id], { fields: Object.keys(changes), fromVersion: version, toVersion: current.version });
        return ok({ customerId: customer.id, version: current.version });
      }
      return { ok: false, code: "CONFLICT", message: sellerMessage("CONFLICT", "customer")!, changes: diff(original, now), current: now, version: current.version };
    }
  } catch (err) {
    return failure(err, "customer");
  }
}

/** The fields the seller changed, as Square takes them (the whole address when any line changed). */
function changedFields(original: CustomerFormValues, values: CustomerFormValues, fields: CustomerFields): Partial<CustomerFields> {
  const changes: Partial<CustomerFields> = {};
  for (const key of ["givenName", "familyName", "companyName", "emailAddress", "phoneNumber", "birthday", "referenceId", "note"] as const)
    if (values[key] !== original[key]) changes[key] = fields[key];
  if (ADDRESS_FIELDS.some((k) => values[k] !== original[k])) changes.address = fields.address;
  return changes;
}

const sameValues = (a: CustomerFormValues, b: CustomerFormValues) => (Object.keys(CUSTOMER_FIELD_LABELS) as (keyof CustomerFormValues)[]).every((k) => a[k] === b[k]);

function diff(was: CustomerFormValues, now: CustomerFormValues): FieldChange[] {
  return (Object.keys(CUSTOMER_FIELD_LABELS) as (keyof CustomerFormValues)[])
    .filter((k) => was[k] !== now[k])
    .map((field) => ({ field, label: CUSTOMER_FIELD_LABELS[field], was: was[field], now: now[field] }));
}

/** A profile Square just returned, read as the form reads a mirrored one. */
function profileOf(c: CustomerRecord) {
  const raw = c.raw as Record<string, unknown>;
  return { ...c, birthday: typeof raw.birthday === "string" ? raw.birthday : null, address: addressFromWire(raw.address) };
}
