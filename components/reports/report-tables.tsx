import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { NewVsReturningPoint, RevenuePoint, TenderMixEntry, TopCustomer } from "@/lib/db/queries/reports";
import { customerDisplayName, formatMoney } from "@/lib/format";
import { brandLabel, enumLabel } from "@/lib/reports/labels";
import type { TenderGroup } from "@/lib/reports/tender-groups";

/** The Reports page's tables: server-rendered, the same rows their CSV exports hold. */
function Head({ columns }: { columns: string[] }) {
  return (
    <TableHead>
      <tr>
        {columns.map((c, i) => (
          <TableHeaderCell key={c} className={i > 0 ? "text-right" : undefined}>
            {c}
          </TableHeaderCell>
        ))}
      </tr>
    </TableHead>
  );
}

export function RevenueTable({ points, period }: { points: RevenuePoint[]; period: "day" | "week" }) {
  return (
    <Table aria-label="Revenue">
      <Head columns={[period === "week" ? "Week of" : "Date", "Revenue", "Payments"]} />
      <TableBody>
        {points.map((p) => (
          <TableRow key={p.period}>
            <TableCell>{p.period}</TableCell>
            <TableCell className="text-right">{formatMoney(p.revenue)}</TableCell>
            <TableCell className="text-right">{p.payments.toLocaleString("en-US")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function CustomersTable({ points, period }: { points: NewVsReturningPoint[]; period: "day" | "week" }) {
  return (
    <Table aria-label="New and returning customers">
      <Head columns={[period === "week" ? "Week of" : "Date", "New", "Returning"]} />
      <TableBody>
        {points.map((p) => (
          <TableRow key={p.period}>
            <TableCell>{p.period}</TableCell>
            <TableCell className="text-right">{p.newCustomers}</TableCell>
            <TableCell className="text-right">{p.returningCustomers}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TopCustomersTable({ customers }: { customers: TopCustomer[] }) {
  return (
    <Table aria-label="Top customers">
      <Head columns={["Customer", "Spend", "Payments"]} />
      <TableBody>
        {customers.map((c) => (
          <TableRow key={c.customerId}>
            <TableCell>
              <Link href={`/customers/${c.customerId}`} className="font-medium underline-offset-2 hover:underline">
                {customerDisplayName({ ...c, companyName: null, phoneNumber: null })}
              </Link>
            </TableCell>
            <TableCell className="text-right">{formatMoney(c.spend)}</TableCell>
            <TableCell className="text-right">{c.payments}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function TenderTable({ groups, mix }: { groups: TenderGroup[]; mix: TenderMixEntry[] }) {
  return (
    <Table aria-label="Tenders">
      <Head columns={["Paid with", "Revenue", "Share"]} />
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g.name} className="font-medium">
            <TableCell>{g.name}</TableCell>
            <TableCell className="text-right">{formatMoney(g.revenue)}</TableCell>
            <TableCell className="text-right">{(g.share * 100).toFixed(1)}%</TableCell>
          </TableRow>
        ))}
        {mix.map((e) => (
          <TableRow key={`${e.sourceType}-${e.cardBrand}`} className="text-neutral-600">
            <TableCell className="pl-8">{e.cardBrand ? brandLabel(e.cardBrand) : enumLabel(e.sourceType)}</TableCell>
            <TableCell className="text-right">{formatMoney(e.revenue)}</TableCell>
            <TableCell className="text-right">{e.payments.toLocaleString("en-US")} payments</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
