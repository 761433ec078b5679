import type { Square } from "square";
import type { EmulatorContext } from "../context";
import { DEMO_SELLER } from "../domain/demo";
import { listSellers } from "../domain/sellers";
import { tables } from "../domain/tables";

const MAX_LISTED = 500;
const MAX_DUPLICATE_GROUPS = 20;

export interface ProfileRow {
  id: string;
  label: string;
  email?: string;
  phone?: string;
  createdAt: string;
  source: string;
  checked: boolean;
}

export interface MergeView {
  sellers: { merchantId: string; businessName: string }[];
  merchantId?: string;
  query: string;
  profiles: ProfileRow[];
  /** How many matched before the list was cut to MAX_LISTED. */
  matched: number;
  /** Profiles sharing an email or phone number, each a ready-made selection. */
  duplicates: { key: string; ids: string[]; labels: string[] }[];
  merged?: { id: string; label: string };
  returnTo?: string;
}

export interface MergeViewInput {
  merchantId?: string;
  query?: string;
  selected?: string[];
  mergedId?: string;
  returnTo?: string;
}

/** What the merge page shows for one seller: its profiles (ticked ones first) and likely duplicates. */
export function mergeView(ctx: EmulatorContext, input: MergeViewInput): MergeView {
  const t = tables(ctx.store);
  const sellers = listSellers(ctx)
    .map((m) => ({ merchantId: m.id!, businessName: m.businessName ?? m.id! }))
    .sort((a, b) => Number(b.merchantId === DEMO_SELLER.merchantId) - Number(a.merchantId === DEMO_SELLER.merchantId) || a.businessName.localeCompare(b.businessName));
  const merchantId = sellers.some((s) => s.merchantId === input.merchantId) ? input.merchantId : sellers[0]?.merchantId;
  const query = (input.query ?? "").trim();
  const selected = new Set(input.selected ?? []);
  const customers = merchantId ? [...t.customers.values(merchantId)] : [];
  const needle = query.toLowerCase();
  const matches = customers.filter((c) => selected.has(c.id!) || !needle || searchText(c).includes(needle));
  matches.sort((a, b) => Number(selected.has(b.id!)) - Number(selected.has(a.id!)));
  const merged = input.mergedId && merchantId ? t.customers.get(merchantId, input.mergedId) : undefined;
  return {
    sellers,
    merchantId,
    query,
    profiles: matches.slice(0, MAX_LISTED).map((c) => row(c, selected.has(c.id!))),
    matched: matches.length,
    duplicates: duplicateGroups(customers),
    ...(merged ? { merged: { id: merged.id!, label: labelOf(merged) } } : {}),
    ...(input.returnTo && isLocalUrl(input.returnTo) ? { returnTo: input.returnTo } : {}),
  };
}

export function labelOf(c: Square.Customer): string {
  const name = [c.givenName, c.familyName].filter(Boolean).join(" ");
  return name || c.companyName || c.emailAddress || c.phoneNumber || `(no name) ${c.id}`;
}

function row(c: Square.Customer, checked: boolean): ProfileRow {
  return {
    id: c.id!,
    label: labelOf(c),
    ...(c.emailAddress ? { email: c.emailAddress } : {}),
    ...(c.phoneNumber ? { phone: c.phoneNumber } : {}),
    createdAt: (c.createdAt ?? "").slice(0, 10),
    source: c.creationSource ?? "",
    checked,
  };
}

const searchText = (c: Square.Customer) =>
  [c.givenName, c.familyName, c.companyName, c.emailAddress, c.phoneNumber, c.id].filter(Boolean).join(" ").toLowerCase();

function duplicateGroups(customers: Square.Customer[]) {
  const groups = new Map<string, Square.Customer[]>();
  const add = (key: string, c: Square.Customer) => groups.set(key, [...(groups.get(key) ?? []), c]);
  for (const c of customers) {
    if (c.emailAddress) add(`email ${c.emailAddress.toLowerCase()}`, c);
    const digits = (c.phoneNumber ?? "").replace(/\D/g, "").slice(-10);
    if (digits.length >= 7) add(`phone …${digits.slice(-4)} (${digits})`, c);
  }
  return [...groups]
    .filter(([, members]) => members.length > 1)
    .slice(0, MAX_DUPLICATE_GROUPS)
    .map(([key, members]) => ({ key: key.replace(/ \(\d+\)$/, ""), ids: members.map((m) => m.id!), labels: members.map(labelOf) }));
}

/** Only links back to a local app are shown, so the page cannot be used to send people elsewhere. */
function isLocalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}
