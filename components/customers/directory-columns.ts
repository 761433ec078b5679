import type { DirectorySort } from "@/lib/customers/directory-query";

/** The directory's columns, each sortable. */
export const DIRECTORY_COLUMNS: { label: string; sort: DirectorySort; numeric?: boolean }[] = [
  { label: "Name", sort: "name" },
  { label: "Email", sort: "email" },
  { label: "Phone", sort: "phone" },
  { label: "Cards on file", sort: "cards", numeric: true },
  { label: "Gift cards", sort: "giftCards", numeric: true },
  { label: "Orders", sort: "orders", numeric: true },
  { label: "Lifetime spend", sort: "spend", numeric: true },
  { label: "Last visit", sort: "lastVisit" },
];
