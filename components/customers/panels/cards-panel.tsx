import { MissingScope } from "@/components/auth/missing-scope";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { hasScope, missingScopes } from "@/lib/auth/scopes";
import { webSdkScriptSrc } from "@/lib/checkout/csp";
import { expiryState } from "@/lib/customers/card-expiry";
import { getDb } from "@/lib/db/client";
import { listSavableCardPayments } from "@/lib/db/queries/customer-card-payments";
import { listCustomerCards, type CustomerCard } from "@/lib/db/queries/customer-cards";
import type { Seller } from "@/lib/db/queries/sellers";
import { getEnv } from "@/lib/env";
import { formatDate, formatMoney } from "@/lib/format";
import { brandLabel, cardLabel } from "@/lib/reports/labels";
import { CardTools } from "../card-tools";
import { DisableCardButton } from "../disable-card-button";
import { Panel } from "./panel";
import type { PanelCustomer } from "./panel-customer";

const EXPIRY_BADGE = { expired: ["Expired", "bg-red-100 text-red-900"], expiring: ["Expiring soon", "bg-amber-100 text-amber-900"] } as const;

/** Cards on file (across merged profiles) with Disable, and saving a new one behind the consent box. */
export async function CardsPanel({ seller, customer }: { seller: Seller; customer: PanelCustomer }) {
  if (!hasScope(seller, "PAYMENTS_READ"))
    return (
      <Panel title="Cards on file">
        <MissingScope scopes={["PAYMENTS_READ"]} returnTo={`/customers/${customer.id}`} />
      </Panel>
    );
  const db = await getDb();
  const params = { merchantId: seller.merchantId, customerId: customer.id };
  const [cards, payments] = await Promise.all([listCustomerCards(db, params), listSavableCardPayments(db, params)]);
  const canWrite = hasScope(seller, "PAYMENTS_WRITE");
  const env = getEnv();
  const now = new Date();
  const label = (c: CustomerCard) => `${brandLabel(c.cardBrand)} •••• ${c.last4 ?? "????"}`;
  return (
    <Panel title="Cards on file" description="Stored by Square. Patron sees only the brand, last 4 digits and expiry.">
      {cards.length ? (
        <Table aria-label="Cards on file">
          <TableHead>
            <tr>
              <TableHeaderCell>Card</TableHeaderCell>
              <TableHeaderCell>Expires</TableHeaderCell>
              <TableHeaderCell>Added</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Consent</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {cards.map((c) => {
              const expiry = expiryState(c.expMonth, c.expYear, now);
              const badge = c.enabled && (expiry === "expired" || expiry === "expiring") ? EXPIRY_BADGE[expiry] : null;
              return (
                <tr key={c.id}>
                  <TableCell className="font-medium whitespace-nowrap">{label(c)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {c.expMonth && c.expYear ? `${String(c.expMonth).padStart(2, "0")}/${c.expYear}` : "—"}
                    {badge && <span className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium ${badge[1]}`}>{badge[0]}</span>}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDate(c.createdAt)}</TableCell>
                  <TableCell>
                    {c.enabled ? (
                      <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">Enabled</span>
                    ) : (
                      <span className="rounded-full bg-neutral-200 px-2 py-0.5 text-xs font-medium text-neutral-700">Disabled {c.disabledAt ? formatDate(c.disabledAt) : ""}</span>
                    )}
                  </TableCell>
                  <TableCell className="text-xs text-neutral-600">{c.consent ? `Recorded ${formatDate(c.consent.consentedAt)}` : "Saved outside Patron"}</TableCell>
                  <TableCell className="text-right">{c.enabled && canWrite && <DisableCardButton customerId={customer.id} cardId={c.id} label={label(c)} />}</TableCell>
                </tr>
              );
            })}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-neutral-600">No cards on file.</p>
      )}
      {canWrite && seller.mainLocationId ? (
        <CardTools
          customerId={customer.id}
          customerName={customer.name}
          givenName={customer.givenName}
          familyName={customer.familyName}
          businessName={seller.businessName}
          square={{ applicationId: env.SQUARE_APPLICATION_ID, locationId: seller.mainLocationId, scriptSrc: webSdkScriptSrc(env) }}
          payments={payments.map((p) => ({ id: p.id, label: `${cardLabel(p)} — ${formatMoney(p.total)} on ${formatDate(p.createdAt)}` }))}
        />
      ) : (
        !canWrite && <MissingScope scopes={missingScopes(seller, ["PAYMENTS_WRITE"])} returnTo={`/customers/${customer.id}`} />
      )}
    </Panel>
  );
}
