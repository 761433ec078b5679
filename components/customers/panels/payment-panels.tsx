import { MissingScope } from "@/components/auth/missing-scope";
import { missingScopes } from "@/lib/auth/scopes";
import { listChargeSources } from "@/lib/customers/charge-sources";
import { getDb } from "@/lib/db/client";
import type { Seller } from "@/lib/db/queries/sellers";
import { getEnv } from "@/lib/env";
import { ChargeForm } from "../charge-form";
import { NewOrderForm } from "../new-order-form";
import { Panel } from "./panel";
import type { PanelCustomer } from "./panel-customer";

/** Charge on file: needs an enabled card or an active gift card with a balance. */
export async function ChargePanel({ seller, customer }: { seller: Seller; customer: PanelCustomer }) {
  const missing = missingScopes(seller, ["ORDERS_WRITE", "PAYMENTS_WRITE"]);
  const sources = missing.length ? [] : await listChargeSources(await getDb(), { merchantId: seller.merchantId, customerId: customer.id });
  return (
    <Panel title="Charge on file" description={`Charge ${customer.name}'s card or gift card on file. Patron makes an order for it first.`}>
      {missing.length ? (
        <MissingScope scopes={missing} returnTo={`/customers/${customer.id}`} />
      ) : sources.length ? (
        <ChargeForm customerId={customer.id} sources={sources} currency={seller.currency ?? "USD"} maxAmount={getEnv().PATRON_CHARGE_MAX_AMOUNT} />
      ) : (
        <p className="text-sm text-neutral-600">Nothing to charge: save a card or link a gift card with a balance first.</p>
      )}
    </Panel>
  );
}

/** New order for the customer: items, then pay on file now or leave it open. */
export async function NewOrderPanel({ seller, customer }: { seller: Seller; customer: PanelCustomer }) {
  const missing = missingScopes(seller, ["ORDERS_WRITE"]);
  const canPay = !missingScopes(seller, ["PAYMENTS_WRITE"]).length;
  const sources = missing.length || !canPay ? [] : await listChargeSources(await getDb(), { merchantId: seller.merchantId, customerId: customer.id });
  return (
    <Panel title="New order" description="Ad hoc items, linked to this customer.">
      {missing.length ? <MissingScope scopes={missing} returnTo={`/customers/${customer.id}`} /> : <NewOrderForm customerId={customer.id} sources={sources} currency={seller.currency ?? "USD"} />}
    </Panel>
  );
}
