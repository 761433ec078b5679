import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";

/** A table's header with grey rows while its page loads (loading.tsx). */
export function TableSkeleton({ columns, label, rows = 8 }: { columns: readonly string[]; label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label}>
      <Table>
        <TableHead>
          <tr>
            {columns.map((c) => (
              <TableHeaderCell key={c}>{c}</TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {columns.map((c) => (
                <TableCell key={c}>
                  <Skeleton className="h-4 w-20" />
                </TableCell>
              ))}
            </tr>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
