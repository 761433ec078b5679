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
 * One page of the directory for the query, from /api/customers (the mirror). The page the server
 * rendered is the first answer; while a new search loads, the previous rows stay on screen.
 */
export function useCustomerDirectory(query: DirectoryQuery, initial: { query: DirectoryQuery; page: DirectoryPage }) {
  const key = directoryApiUrl(query);
  const initialKey = directoryApiUrl(initial.query);
  return useSWR(key, fetchPage, {
    fallbackData: key === initialKey ? initial.page : undefined,
    keepPreviousData: true,
    revalidateOnFocus: false,
    // The server just rendered the first page; fetch only what it did not.
    revalidateOnMount: key !== initialKey,
  });
}
