import { MissingScope } from "@/components/auth/missing-scope";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { hasScope } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { listCustomerGiftCards } from "@/lib/db/queries/customer-gift-cards";
import type { Seller } from "@/lib/db/queries/sellers";
import { formatDate, formatMoney, maskGan } from "@/lib/format";
import { enumLabel } from "@/lib/reports/labels";
import { LinkGiftCardForm, UnlinkGiftCardButton } from "../gift-card-forms";
import { Panel } from "./panel";
import type { PanelCustomer } from "./panel-customer";

const STATE_TONE: Record<string, string> = { ACTIVE: "bg-emerald-100 text-emerald-900", PENDING: "bg-sky-100 text-sky-900", BLOCKED: "bg-amber-100 text-amber-900" };

/** Gift cards on file (linked to any of the customer's merged profiles), Link by GAN and Unlink. */
export async function GiftCardsPanel({ seller, customer }: { seller: Seller; customer: PanelCustomer }) {
  if (!hasScope(seller, "GIFTCARDS_READ"))
    return (
      <Panel title="Gift cards on file">
        <MissingScope scopes={["GIFTCARDS_READ"]} returnTo={`/customers/${customer.id}`} />
      </Panel>
    );
  const giftCards = await listCustomerGiftCards(await getDb(), { merchantId: seller.merchantId, customerId: customer.id });
  const canWrite = hasScope(seller, "GIFTCARDS_WRITE");
  return (
    <Panel title="Gift cards on file" description="Last activity is the latest payment made with the card that Patron has seen.">
      {giftCards.length ? (
        <Table aria-label="Gift cards on file">
          <TableHead>
            <tr>
              <TableHeaderCell>Gift card</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell className="text-right">Balance</TableHeaderCell>
              <TableHeaderCell>Last activity</TableHeaderCell>
              <TableHeaderCell>
                <span className="sr-only">Actions</span>
              </TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {giftCards.map((g) => (
              <tr key={g.id}>
                <TableCell className="font-medium whitespace-nowrap">
                  {maskGan(g.gan)} <span className="text-xs font-normal text-neutral-500">{enumLabel(g.type)}</span>
                </TableCell>
                <TableCell>
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_TONE[g.state ?? ""] ?? "bg-neutral-200 text-neutral-700"}`}>{enumLabel(g.state)}</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(g.balance)}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDate(g.lastActivityAt)}</TableCell>
                <TableCell className="text-right">{canWrite && <UnlinkGiftCardButton customerId={customer.id} giftCardId={g.id} label={`gift card ${maskGan(g.gan)}`} />}</TableCell>
              </tr>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p className="text-sm text-neutral-600">No gift cards on file.</p>
      )}
      {canWrite ? <LinkGiftCardForm customerId={customer.id} /> : <MissingScope scopes={["GIFTCARDS_WRITE"]} returnTo={`/customers/${customer.id}`} />}
    </Panel>
  );
}
