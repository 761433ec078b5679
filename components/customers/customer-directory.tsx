"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import type { DirectoryPage } from "@/lib/customers/directory";
import { DEFAULT_DIRECTION, directoryCsvUrl, directoryUrl, type DirectoryQuery, type DirectorySort } from "@/lib/customers/directory-query";
import { DirectoryTable } from "./directory-table";
import { useCustomerDirectory, useDebouncedValue } from "./use-customer-directory";

export interface CustomerDirectoryProps {
  initial: { query: DirectoryQuery; page: DirectoryPage };
}

/**
 * The directory: search as you type (debounced, over the mirror through /api/customers), sortable
 * columns, pages, `/` to search, arrow keys between rows, Enter to open, and a CSV of the result.
 * The state lives in the URL, so a reload or a shared link shows the same list.
 */
export function CustomerDirectory({ initial }: CustomerDirectoryProps) {
  const [text, setText] = useState(initial.query.q);
  const [view, setView] = useState({ sort: initial.query.sort, dir: initial.query.dir, page: initial.query.page });
  const q = useDebouncedValue(text, 250);
  const query: DirectoryQuery = { q, ...view };
  const { data, error, isValidating } = useCustomerDirectory(query, initial);
  const search = useRef<HTMLInputElement>(null);
  const url = directoryUrl(query);

  useEffect(() => {
    if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(null, "", url);
  }, [url]);

  // A new search starts again from the first page.
  const firstQ = useRef(initial.query.q);
  useEffect(() => {
    if (q === firstQ.current) return;
    firstQ.current = q;
    setView((v) => ({ ...v, page: 1 }));
  }, [q]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key !== "/" || typing || event.metaKey || event.ctrlKey || event.altKey) return;
      event.preventDefault();
      search.current?.focus();
      search.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const onSort = (sort: DirectorySort) =>
    setView((v) => ({ sort, dir: v.sort === sort ? (v.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[sort], page: 1 }));
  const page = data ?? initial.page;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const focusFirstRow = () => document.querySelector<HTMLTableRowElement>('table[aria-label="Customers"] tbody tr[tabindex="0"]')?.focus();

  return (
    <div className="space-y-3">
      <div role="search" className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm font-medium text-neutral-700">
          Search customers
          <input
            ref={search}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => e.key === "ArrowDown" && (e.preventDefault(), focusFirstRow())}
            placeholder="Name, email or phone — press / to search"
            aria-keyshortcuts="/"
            aria-describedby="directory-keys"
            className="h-10 rounded-md border border-neutral-300 px-3 font-normal"
          />
        </label>
        <a href={directoryCsvUrl(query)} download className={buttonVariants({ variant: "secondary" })}>
          Export CSV
        </a>
        <Link href="/customers/duplicates" className={buttonVariants({ variant: "secondary" })}>
          Possible duplicates
        </Link>
        <Link href="/customers/new" className={buttonVariants({ variant: "primary" })}>
          New customer
        </Link>
      </div>
      <p id="directory-keys" className="text-xs text-neutral-500">
        Press / to search, ↓ and ↑ to move between customers, Enter to open one.
      </p>
      <p role="status" className="text-sm text-neutral-600">
        {error ? "The list could not be refreshed; showing the last results." : `${page.total.toLocaleString("en-US")} ${page.total === 1 ? "customer" : "customers"}${q ? ` matching “${q}”` : ""}`}
      </p>
      {page.total === 0 ? (
        <p className="rounded-lg border border-neutral-200 bg-white p-6 text-sm text-neutral-700">{q ? `No customer matches “${q}”.` : "No customers yet."}</p>
      ) : (
        <DirectoryTable customers={page.customers} sort={view.sort} dir={view.dir} onSort={onSort} searchRef={search} busy={isValidating} />
      )}
      {pages > 1 && (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          <Button variant="secondary" size="sm" disabled={view.page <= 1} onClick={() => setView((v) => ({ ...v, page: v.page - 1 }))}>
            Previous page
          </Button>
          <span className="text-neutral-600">
            Page {Math.min(view.page, pages)} of {pages}
          </span>
          <Button variant="secondary" size="sm" disabled={view.page >= pages} onClick={() => setView((v) => ({ ...v, page: v.page + 1 }))}>
            Next page
          </Button>
        </nav>
      )}
    </div>
  );
}
