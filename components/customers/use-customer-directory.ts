"use client";

import { useEffect, useState } from "react";
import useSWR from "swr";
import type { DirectoryPage } from "@/lib/customers/directory";
import { directoryApiUrl, type DirectoryQuery } from "@/lib/customers/directory-query";

/** The value, once it has stopped changing for `ms` (typing pauses before the directory searches). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const fetchPage = async (url: string): Promise<DirectoryPage> => {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`The directory could not be loaded (${res.status}).`);
  return res.json();
};

/**
 * One page of the directory for the query, from /api/customers (the mirror). For the query the
 * server rendered, its page is the answer (and a router refresh brings a newer one); while another
 * search loads, the previous rows stay on screen.
 */
export function useCustomerDirectory(query: DirectoryQuery, initial: { query: DirectoryQuery; page: DirectoryPage }) {
  const key = directoryApiUrl(query);
  const rendered = key === directoryApiUrl(initial.query);
  const swr = useSWR(rendered ? null : key, fetchPage, { keepPreviousData: true, revalidateOnFocus: false });
  return { data: rendered ? initial.page : swr.data, error: rendered ? undefined : swr.error, isValidating: !rendered && swr.isValidating };
}
