import "server-only";
import { amountToDecimal } from "@/lib/checkout/money";
import type { CsvValue } from "@/lib/csv/csv";
import type { Db } from "@/lib/db/client";
import { listCustomers, type CustomerSummary } from "@/lib/db/queries/customers";
import { customerDisplayName, formatDate, formatMoney, formatPhone } from "@/lib/format";
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from "./directory-query";

/** A directory row, formatted on the server (the phone library stays out of the browser). */
export interface DirectoryRow {
  id: string;
  name: string;
  email: string | null;
  phone: string;
  cards: number;
  giftCards: number;
  orders: number;
  spend: string;
  lastVisit: string;
}

export interface DirectoryPage {
  customers: DirectoryRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of the directory from the mirror: one query, whatever the search and sort. */
export async function getDirectoryPage(db: Db, merchantId: string, query: DirectoryQuery): Promise<DirectoryPage> {
  const list = await listCustomers(db, {
    merchantId,
    search: query.q,
    sort: query.sort,
    direction: query.dir,
    limit: DIRECTORY_PAGE_SIZE,
    offset: (query.page - 1) * DIRECTORY_PAGE_SIZE,
  });
  return { customers: list.customers.map(toRow), total: list.total, page: query.page, pageSize: DIRECTORY_PAGE_SIZE };
}

function toRow(c: CustomerSummary): DirectoryRow {
  return {
    id: c.id,
    name: customerDisplayName(c),
    email: c.emailAddress,
    phone: formatPhone(c.phoneNumber),
    cards: c.cardCount,
    giftCards: c.giftCardCount,
    orders: c.orderCount,
    spend: formatMoney(c.lifetimeSpend),
    lastVisit: c.lastVisitAt ? formatDate(c.lastVisitAt) : "Never",
  };
}

export const DIRECTORY_CSV_COLUMNS = ["Name", "Email", "Phone", "Cards on file", "Gift cards", "Orders", "Lifetime spend", "Currency", "Last visit", "Customer ID"];

const BATCH = 200;

/** Every customer of the current search and sort, a batch at a time (the CSV export pulls these as the client reads). */
export async function* directoryCsvRows(db: Db, merchantId: string, query: DirectoryQuery): AsyncGenerator<CsvValue[][]> {
  for (let offset = 0; ; offset += BATCH) {
    const { customers } = await listCustomers(db, { merchantId, search: query.q, sort: query.sort, direction: query.dir, limit: BATCH, offset });
    if (!customers.length) return;
    yield customers.map((c) => [
      customerDisplayName(c),
      c.emailAddress,
      c.phoneNumber,
      c.cardCount,
      c.giftCardCount,
      c.orderCount,
      amountToDecimal(c.lifetimeSpend.amount, c.lifetimeSpend.currency),
      c.lifetimeSpend.currency,
      c.lastVisitAt,
      c.id,
    ]);
    if (customers.length < BATCH) return;
  }
}
