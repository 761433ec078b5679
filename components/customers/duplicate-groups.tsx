import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell } from "@/components/ui/table";
import type { DuplicateGroup } from "@/lib/db/queries/customer-duplicates";
import { customerDisplayName, formatDate, formatPhone } from "@/lib/format";

/** Each group of look-alike profiles, with how to merge them (in local mode, a link to the local Square's merge page). */
export function DuplicateGroups({ groups, mergeUrl }: { groups: DuplicateGroup[]; mergeUrl: ((ids: string[]) => string) | null }) {
  return (
    <ol className="space-y-4">
      {groups.map((g) => {
        const title = `Same ${g.reason === "email" ? "email" : "phone number"}: ${g.reason === "phone" ? formatPhone(g.value) : g.value}`;
        return (
          <li key={`${g.reason}:${g.value}`}>
            <section aria-label={title} className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-sm font-semibold text-neutral-900">{title}</h2>
                {mergeUrl && (
                  <a href={mergeUrl(g.profiles.map((p) => p.id))} className={buttonVariants({ variant: "secondary", size: "sm" })}>
                    Merge in the local Square
                  </a>
                )}
              </div>
              <Table aria-label={title}>
                <TableHead>
                  <tr>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Email</TableHeaderCell>
                    <TableHeaderCell>Phone</TableHeaderCell>
                    <TableHeaderCell>Created</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {g.profiles.map((p) => (
                    <tr key={p.id}>
                      <TableCell>
                        <Link href={`/customers/${p.id}`} className="font-medium underline-offset-2 hover:underline">
                          {customerDisplayName(p)}
                        </Link>
                      </TableCell>
                      <TableCell>{p.emailAddress ?? "—"}</TableCell>
                      <TableCell>{formatPhone(p.phoneNumber)}</TableCell>
                      <TableCell>{formatDate(p.createdAt)}</TableCell>
                    </tr>
                  ))}
                </TableBody>
              </Table>
            </section>
          </li>
        );
      })}
    </ol>
  );
}
