import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { customerDisplayName, formatDate, formatPhone } from "@/lib/format";
import type { Customer } from "@/lib/square/types";

const COLUMNS = ["Name", "Email", "Phone", "Created"];

export function CustomerTable({ customers }: { customers: Customer[] }) {
  return (
    <Table aria-label="Customers">
      <TableHead>
        <tr>
          {COLUMNS.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {customers.map((c) => (
          <TableRow key={c.id}>
            <TableCell className="font-medium">{customerDisplayName(c)}</TableCell>
            <TableCell>{c.emailAddress ?? "—"}</TableCell>
            <TableCell>{formatPhone(c.phoneNumber)}</TableCell>
            <TableCell>{formatDate(c.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

CustomerTable.Skeleton = function CustomerTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading customers">
      <Table>
        <TableHead>
          <tr>
            {COLUMNS.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {COLUMNS.map((c) => (
                <TableCell key={c}>
                  <Skeleton className="h-4 w-32" />
                </TableCell>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
