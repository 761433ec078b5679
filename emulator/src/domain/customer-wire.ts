import type { Square } from "square";
import { schemas, toWire } from "../http/wire";

type Wire = Record<string, unknown>;

// Rows are replaced, not mutated, on every write, so a row object's wire form can be reused; the
// version/updated_at check guards against code that edits a row in place.
const cache = new WeakMap<Square.Customer, { version?: bigint; updatedAt?: string; wire: Wire }>();

/** A customer in Square's snake_case wire form (through the SDK's schema). Treat the result as read-only. */
export function customerToWire(customer: Square.Customer): Wire {
  const hit = cache.get(customer);
  if (hit && hit.version === customer.version && hit.updatedAt === customer.updatedAt) return hit.wire;
  const wire = toWire(schemas.Customer, customer) as Wire;
  cache.set(customer, { version: customer.version, updatedAt: customer.updatedAt, wire });
  return wire;
}
