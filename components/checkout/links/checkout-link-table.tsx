import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CheckoutLinkWithStats } from "@/lib/db/queries/checkout-links";
import { formatAmount } from "../format-amount";
import { CopyButton } from "./copy-button";
import { LinkRowActions } from "./link-row-actions";

export interface LinkRow extends CheckoutLinkWithStats {
  url: string;
  qrCode: string;
}

const COLUMNS = ["Link", "Price", "URL", "QR code", "Payments", "Revenue", ""];

function price(link: CheckoutLinkWithStats): string {
  if (link.pricing === "open") return `${formatAmount(link.openMinAmount ?? 0, link.currency)} – ${formatAmount(link.openMaxAmount ?? 0, link.currency)}`;
  return formatAmount(link.lineItems.reduce((sum, l) => sum + l.quantity * l.unitAmount, 0), link.currency);
}

export function CheckoutLinkTable({ links }: { links: LinkRow[] }) {
  return (
    <Table aria-label="Checkout links">
      <TableHead>
        <tr>
          {COLUMNS.map((c, i) => (
            <TableHeaderCell key={i}>{c}</TableHeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {links.map((link) => (
          <TableRow key={link.id}>
            <TableCell>
              <p className="font-medium">{link.title}</p>
              <p className={link.active ? "text-xs text-green-700" : "text-xs text-neutral-500"}>{link.active ? "Active" : "Inactive"}</p>
              {link.offerSaveCard && <p className="text-xs text-neutral-500">Offers to save the card</p>}
            </TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">{price(link)}</TableCell>
            <TableCell>
              <a href={link.url} className="font-mono text-xs break-all underline" target="_blank" rel="noreferrer">
                {link.url}
              </a>
              <CopyButton text={link.url} label={`Copy the URL of ${link.title}`} />
            </TableCell>
            <TableCell>
              <img src={link.qrCode} alt={`QR code for ${link.title}`} width={80} height={80} />
            </TableCell>
            <TableCell className="tabular-nums">{link.paymentCount}</TableCell>
            <TableCell className="whitespace-nowrap tabular-nums">{formatAmount(link.revenue, link.currency)}</TableCell>
            <TableCell>
              <LinkRowActions id={link.id} title={link.title} active={link.active} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

CheckoutLinkTable.Skeleton = function CheckoutLinkTableSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading checkout links">
      <Table>
        <TableBody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {COLUMNS.map((_, j) => (
                <TableCell key={j}>
                  <Skeleton className="h-4 w-24" />
                </TableCell>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
