import type { Scope } from "@/lib/auth/scopes";

/** What a checkout needs from the seller's grant: find and create customers, create orders, take payments and save cards. */
export const CHECKOUT_SCOPES: Scope[] = ["CUSTOMERS_READ", "CUSTOMERS_WRITE", "ORDERS_WRITE", "PAYMENTS_WRITE"];
