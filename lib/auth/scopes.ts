import { AppError } from "@/lib/errors";

/** The OAuth scopes Patron asks Square for at sign-in, and what each one lets Patron do. */
export const SCOPES = {
  MERCHANT_PROFILE_READ: "read your business name and locations",
  CUSTOMERS_READ: "see your customers",
  CUSTOMERS_WRITE: "create and edit customers and save their cards",
  PAYMENTS_READ: "see payments and cards on file",
  PAYMENTS_WRITE: "take payments and save cards on file",
  ORDERS_READ: "see orders",
  ORDERS_WRITE: "create orders",
  GIFTCARDS_READ: "see gift cards",
  GIFTCARDS_WRITE: "link, unlink and charge gift cards",
} as const;

export type Scope = keyof typeof SCOPES;

export const REQUESTED_SCOPES = Object.keys(SCOPES) as Scope[];

export interface ScopedSeller {
  scopes: readonly string[];
}

export const missingScopes = (seller: ScopedSeller, needed: readonly Scope[]): Scope[] =>
  needed.filter((s) => !seller.scopes.includes(s));

export const hasScope = (seller: ScopedSeller, ...needed: Scope[]): boolean => missingScopes(seller, needed).length === 0;

/** For actions: stop before calling Square when the seller did not grant what this needs. */
export function requireScope(seller: ScopedSeller, ...needed: Scope[]): void {
  const missing = missingScopes(seller, needed);
  if (missing.length)
    throw new AppError("MISSING_SCOPE", `Patron needs your permission to ${missing.map((s) => SCOPES[s]).join(" and ")}.`, { scopes: missing });
}
