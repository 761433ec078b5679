// The directory's state in the URL (search, sort, direction, page), read the same way by the page,
// its JSON route, the CSV export and the browser. No server-only imports: the client uses it too.

export const DIRECTORY_SORTS = ["name", "email", "phone", "cards", "giftCards", "orders", "spend", "lastVisit", "created"] as const;
export type DirectorySort = (typeof DIRECTORY_SORTS)[number];
export type SortDirection = "asc" | "desc";

export interface DirectoryQuery {
  q: string;
  sort: DirectorySort;
  dir: SortDirection;
  /** 1-based. */
  page: number;
}

export const DIRECTORY_PAGE_SIZE = 25;

/** Text sorts A→Z first; counts, money and dates biggest or newest first. */
export const DEFAULT_DIRECTION: Record<DirectorySort, SortDirection> = {
  name: "asc",
  email: "asc",
  phone: "asc",
  cards: "desc",
  giftCards: "desc",
  orders: "desc",
  spend: "desc",
  lastVisit: "desc",
  created: "desc",
};

export const DEFAULT_QUERY: DirectoryQuery = { q: "", sort: "created", dir: "desc", page: 1 };

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

const get = (params: Params, key: string): string | undefined => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

/** Unknown or malformed values fall back to the defaults rather than failing the page. */
export function parseDirectoryQuery(params: Params): DirectoryQuery {
  const sort = (DIRECTORY_SORTS as readonly string[]).includes(get(params, "sort") ?? "") ? (get(params, "sort") as DirectorySort) : DEFAULT_QUERY.sort;
  const dirParam = get(params, "dir");
  const dir = dirParam === "asc" || dirParam === "desc" ? dirParam : DEFAULT_DIRECTION[sort];
  const page = Math.min(Math.max(Number.parseInt(get(params, "page") ?? "1", 10) || 1, 1), 100_000);
  return { q: (get(params, "q") ?? "").slice(0, 200), sort, dir, page };
}

/** The query as URL parameters, leaving defaults out so URLs stay short. */
export function directorySearchParams(query: DirectoryQuery, { page = true }: { page?: boolean } = {}): URLSearchParams {
  const out = new URLSearchParams();
  if (query.q.trim()) out.set("q", query.q.trim());
  if (query.sort !== DEFAULT_QUERY.sort) out.set("sort", query.sort);
  if (query.dir !== DEFAULT_DIRECTION[query.sort]) out.set("dir", query.dir);
  if (page && query.page > 1) out.set("page", String(query.page));
  return out;
}

const withQuery = (path: string, params: URLSearchParams) => (params.size ? `${path}?${params}` : path);

export const directoryUrl = (query: DirectoryQuery) => withQuery("/customers", directorySearchParams(query));
export const directoryApiUrl = (query: DirectoryQuery) => withQuery("/api/customers", directorySearchParams(query));
export const directoryCsvUrl = (query: DirectoryQuery) => withQuery("/api/customers/export", directorySearchParams(query, { page: false }));
