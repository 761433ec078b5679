"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Table, TableBody, TableCell, TableHead } from "@/components/ui/table";
import type { DirectorySort, SortDirection } from "@/lib/customers/directory-query";
import type { DirectoryRow } from "@/lib/customers/directory";
import { cn } from "@/lib/utils";
import { DIRECTORY_COLUMNS as COLUMNS } from "./directory-columns";
import { SortHeader } from "./sort-header";


/** Eight columns in the dashboard's width: tighter cells than the default table's; names and emails may wrap. */
const CELL = "px-2 py-2.5";
const FIGURE = "px-2 py-2.5 whitespace-nowrap text-right tabular-nums";

export interface DirectoryTableProps {
  customers: DirectoryRow[];
  sort: DirectorySort;
  dir: SortDirection;
  onSort: (sort: DirectorySort) => void;
  /** Arrow Up from the first row goes back to the search box. */
  searchRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
}

/**
 * The directory's rows. One row is in the tab order at a time (roving tabindex): arrow keys move
 * between rows, Enter opens the customer, the name is also an ordinary link.
 */
export function DirectoryTable({ customers, sort, dir, onSort, searchRef, busy }: DirectoryTableProps) {
  const router = useRouter();
  const body = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const rows = () => Array.from(body.current?.querySelectorAll<HTMLTableRowElement>("tr[data-customer-id]") ?? []);

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number, id: string) {
    if (event.target !== event.currentTarget) return;
    const move = (to: number) => {
      event.preventDefault();
      setActive(to);
      rows()[to]?.focus();
    };
    if (event.key === "ArrowDown" && index < customers.length - 1) move(index + 1);
    else if (event.key === "ArrowUp" && index > 0) move(index - 1);
    else if (event.key === "ArrowUp") {
      event.preventDefault();
      searchRef.current?.focus();
    } else if (event.key === "Home") move(0);
    else if (event.key === "End") move(customers.length - 1);
    else if (event.key === "Enter") {
      event.preventDefault();
      router.push(`/customers/${id}`);
    }
  }

  return (
    <Table aria-label="Customers" aria-busy={busy} className={cn(busy && "opacity-60")}>
      <TableHead>
        <tr>
          {COLUMNS.map((c) => (
            <SortHeader key={c.sort} label={c.label} sort={c.sort} current={sort} dir={dir} onSort={onSort} className={c.numeric ? "text-right" : undefined} />
          ))}
        </tr>
      </TableHead>
      <TableBody ref={body}>
        {customers.map((c, i) => (
          <tr
            key={c.id}
            data-customer-id={c.id}
            tabIndex={i === Math.min(active, customers.length - 1) ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, i, c.id)}
            onFocus={() => setActive(i)}
            className="cursor-pointer outline-none hover:bg-neutral-50 focus:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:ring-inset"
            onClick={(e) => (e.target as HTMLElement).closest("a") || router.push(`/customers/${c.id}`)}
          >
            <TableCell className={cn(CELL, "font-medium")}>
              <Link href={`/customers/${c.id}`} tabIndex={-1} className="underline-offset-2 hover:underline">
                {c.name}
              </Link>
            </TableCell>
            <TableCell className={CELL}>{c.email ? <Email address={c.email} /> : "—"}</TableCell>
            <TableCell className={cn(CELL, "whitespace-nowrap")}>{c.phone}</TableCell>
            <TableCell className={FIGURE}>{c.cards}</TableCell>
            <TableCell className={FIGURE}>{c.giftCards}</TableCell>
            <TableCell className={FIGURE}>{c.orders}</TableCell>
            <TableCell className={FIGURE}>{c.spend}</TableCell>
            <TableCell className={cn(CELL, "whitespace-nowrap")}>{c.lastVisit}</TableCell>
          </tr>
        ))}
      </TableBody>
    </Table>
  );
}

/** An email that may wrap after its @ rather than mid-word. */
function Email({ address }: { address: string }) {
  const at = address.lastIndexOf("@");
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}
