import { getDb } from "@/lib/db/client";
import type { AuditEntry } from "@/lib/db/queries/audit-log";
import { listCustomerAudit } from "@/lib/db/queries/customer-audit";
import { formatDateTime } from "@/lib/format";
import { decimalAmount } from "@/lib/reports/money";
import { Panel } from "./panel";

const ACTIONS: Record<string, string> = {
  "customer.created": "Created the customer",
  "customer.updated": "Edited the profile",
  "card.saved": "Saved a card on file, with consent",
  "card.disabled": "Disabled a card on file",
  "gift_card.linked": "Linked a gift card",
  "gift_card.unlinked": "Unlinked a gift card",
  "charge.paid": "Charged on file",
  "charge.declined": "A charge on file was declined",
  "order.created": "Created an open order",
  "checkout.paid": "Paid through a checkout link",
};

const actorLabel = (actor: string) => (actor.startsWith("seller") ? "Seller in Patron" : actor === "buyer" ? "Customer, at checkout" : actor);

function detail(e: AuditEntry): string | null {
  const d = e.details ?? {};
  const amount = typeof d.amount === "number" && typeof d.currency === "string" ? `${decimalAmount(d.amount, d.currency)} ${d.currency}` : null;
  const parts = [amount, Array.isArray(d.fields) ? `fields: ${d.fields.join(", ")}` : null, Array.isArray(d.codes) ? `Square said ${d.codes.join(", ")}` : null];
  return parts.filter(Boolean).join(" · ") || null;
}

/** What was done to this customer in Patron (and at Patron's checkout), newest first. */
export async function AuditPanel({ merchantId, customerId }: { merchantId: string; customerId: string }) {
  const entries = await listCustomerAudit(await getDb(), { merchantId, customerId, limit: 25 });
  return (
    <Panel title="Audit trail" description="Every change made through Patron, by whom and when.">
      {entries.length ? (
        <ol aria-label="Audit trail" className="divide-y divide-neutral-100 text-sm">
          {entries.map((e) => (
            <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                <span className="font-medium">{ACTIONS[e.action] ?? e.action}</span>
                {detail(e) && <span className="text-neutral-600"> — {detail(e)}</span>}
                <span className="block text-xs text-neutral-500">
                  {actorLabel(e.actor)} · {e.objectIds.join(", ")}
                </span>
              </span>
              <time dateTime={e.at.toISOString()} className="text-xs whitespace-nowrap text-neutral-500">
                {formatDateTime(e.at.toISOString())}
              </time>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-neutral-600">Nothing has been changed through Patron yet.</p>
      )}
    </Panel>
  );
}
