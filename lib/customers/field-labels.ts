import type { CustomerFormValues } from "@/lib/validations/customers";

/** The customer form's visible labels, also used to say which fields someone else changed. */
export const CUSTOMER_FIELD_LABELS: Record<keyof CustomerFormValues, string> = {
  givenName: "First name",
  familyName: "Last name",
  companyName: "Company",
  emailAddress: "Email",
  phoneNumber: "Phone",
  birthday: "Birthday",
  referenceId: "Reference ID",
  note: "Note",
  addressLine1: "Address line 1",
  addressLine2: "Address line 2",
  locality: "City",
  administrativeDistrictLevel1: "State or region",
  postalCode: "Postal code",
  country: "Country code",
};
