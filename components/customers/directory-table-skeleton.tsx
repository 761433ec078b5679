import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import { DIRECTORY_COLUMNS } from "./directory-columns";

/** The directory while it loads: the same columns, grey rows. */
export function DirectoryTableSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading customers">
      <Table>
        <TableHead>
          <tr>
            {DIRECTORY_COLUMNS.map((c) => (
              <TableHeaderCell key={c.sort}>{c.label}</TableHeaderCell>
            ))}
          </tr>
        </TableHead>
        <TableBody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              {DIRECTORY_COLUMNS.map((c) => (
                <TableCell key={c.sort}>
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
