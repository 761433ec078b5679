"use client";

import { TableHeaderCell } from "@/components/ui/table";
import type { DirectorySort, SortDirection } from "@/lib/customers/directory-query";
import { cn } from "@/lib/utils";

/** A column header that sorts by its column: a button, with aria-sort on the header cell. */
export function SortHeader(props: { label: string; sort: DirectorySort; current: DirectorySort; dir: SortDirection; onSort: (sort: DirectorySort) => void; className?: string }) {
  const active = props.current === props.sort;
  return (
    <TableHeaderCell aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : "none"} className={cn("px-2 align-bottom", props.className)}>
      <button type="button" onClick={() => props.onSort(props.sort)} className="inline-flex items-end gap-1 text-left uppercase hover:text-neutral-900">
        {props.label}
        <span aria-hidden className={active ? "text-neutral-900" : "text-neutral-300"}>
          {active && props.dir === "asc" ? "▲" : "▼"}
        </span>
      </button>
    </TableHeaderCell>
  );
}
