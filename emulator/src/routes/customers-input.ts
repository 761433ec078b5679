import type { CustomerFields, CustomerPatch } from "../domain/customers";

/** The customer fields of a parsed request (create, update or a bulk entry), without its other keys. */
export function fieldsOf(value: Partial<CustomerFields>): CustomerPatch {
  return {
    givenName: value.givenName,
    familyName: value.familyName,
    companyName: value.companyName,
    nickname: value.nickname,
    emailAddress: value.emailAddress,
    address: value.address,
    phoneNumber: value.phoneNumber,
    referenceId: value.referenceId,
    note: value.note,
    birthday: value.birthday,
    taxIds: value.taxIds,
  };
}

/**
 * A sparse update: omitted fields stay, JSON null clears. The SDK's schema keeps nulls for most
 * fields but drops them for `address` and `tax_ids`, so those are read from the raw body. Square
 * asks older clients to send `X-Clear-Null: true` for this; the local Square clears on null either
 * way, so the header is accepted and changes nothing.
 */
export function patchOf(value: Partial<CustomerFields>, raw: Record<string, unknown>): CustomerPatch {
  const patch = fieldsOf(value);
  if (raw.address === null) patch.address = null;
  if (raw.tax_ids === null) patch.taxIds = null;
  return patch;
}
