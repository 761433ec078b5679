import { FileJournal, MemoryJournal, type Journal, type JournalRecord } from "./journal";

type Rows = Map<string, Map<string, unknown>>; // seller → id → value

/** Keeps derived data (an index) in step with one table, so it never has to be rebuilt from scratch. */
export interface StoreObserver {
  /** A row was written (`value` null when deleted); `previous` is the row it replaced, if any. */
  changed(seller: string, key: string, value: unknown, previous: unknown): void;
  /** Every table was emptied. */
  reset(): void;
}

/**
 * The emulator's state: named tables of rows, partitioned by seller so one seller can never see
 * another's objects. Values are plain objects in the SDK's camelCase shape. Every write goes
 * through the journal, so the store persists (or not, in memory mode) without callers caring.
 */
export class Store {
  private readonly tables = new Map<string, Rows>();
  /** Change stamps per table and seller, from one counter that never goes back (not even on reset). */
  private readonly stamps = new Map<string, number>();
  private lastStamp = 0;
  private journaling = true;
  private readonly observers = new Map<string, StoreObserver[]>();

  constructor(private readonly journal: Journal = new MemoryJournal()) {
    for (const record of journal.load()) this.apply(record);
    if (journal instanceof FileJournal) journal.snapshot(this.rows());
  }

  static open(dataDir: string | "memory"): Store {
    if (dataDir === "memory") return new Store();
    let store: Store | undefined;
    const journal = new FileJournal(dataDir, undefined, () => store!.rows());
    store = new Store(journal);
    return store;
  }

  table<T>(name: string): Table<T> {
    return new Table<T>(this, name);
  }

  /** Runs a large load without journaling each row, then writes one snapshot. */
  bulk<R>(work: () => R): R {
    this.journaling = false;
    try {
      return work();
    } finally {
      this.journaling = true;
      this.journal.snapshot(this.rows());
    }
  }

  reset() {
    this.tables.clear();
    this.stamps.clear();
    this.journal.clear();
    for (const list of this.observers.values()) for (const observer of list) observer.reset();
  }

  /** Tells `observer` about every later write to `table` (derived data builds itself from the rows first). */
  observe(table: string, observer: StoreObserver) {
    const list = this.observers.get(table) ?? [];
    this.observers.set(table, [...list, observer]);
  }

  close() {
    this.journal.close();
  }

  /** @internal */
  rowsOf(table: string): Rows {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    return rows;
  }

  /** @internal */
  write(record: JournalRecord) {
    this.apply(record);
    if (this.journaling) this.journal.append(record);
  }

  /** @internal */
  stampOf(table: string, seller: string): number {
    return this.stamps.get(`${table}\u0000${seller}`) ?? 0;
  }

  private apply({ t, m, k, v }: JournalRecord) {
    this.stamps.set(`${t}\u0000${m}`, ++this.lastStamp);
    const rows = this.rowsOf(t);
    let seller = rows.get(m);
    const previous = seller?.get(k);
    if (v === null) seller?.delete(k);
    else {
      if (!seller) rows.set(m, (seller = new Map()));
      seller.set(k, v);
    }
    for (const observer of this.observers.get(t) ?? []) observer.changed(m, k, v, previous);
  }

  private *rows(): Iterable<JournalRecord> {
    for (const [t, rows] of this.tables)
      for (const [m, seller] of rows) for (const [k, v] of seller) yield { t, m, k, v };
  }
}

/** A typed view of one table. `seller` is a merchant id, or GLOBAL for rows no seller owns. */
export class Table<T> {
  constructor(
    private readonly store: Store,
    readonly name: string,
  ) {}

  get(seller: string, id: string): T | undefined {
    return this.store.rowsOf(this.name).get(seller)?.get(id) as T | undefined;
  }

  put(seller: string, id: string, value: T): T {
    this.store.write({ t: this.name, m: seller, k: id, v: value });
    return value;
  }

  delete(seller: string, id: string) {
    this.store.write({ t: this.name, m: seller, k: id, v: null });
  }

  /** Rows in insertion order (creation order, since updates keep a row's place in a Map). */
  values(seller: string): IterableIterator<T> {
    const rows = this.store.rowsOf(this.name).get(seller);
    return (rows?.values() ?? new Map<string, T>().values()) as IterableIterator<T>;
  }

  /** [id, row] pairs in insertion order (for tables whose rows do not carry their own id). */
  entries(seller: string): IterableIterator<[string, T]> {
    const rows = this.store.rowsOf(this.name).get(seller);
    return (rows?.entries() ?? new Map<string, T>().entries()) as IterableIterator<[string, T]>;
  }

  /**
   * Changes whenever this seller's rows in this table change, so derived data (search indexes)
   * can be cached until the next write.
   */
  stamp(seller: string): number {
    return this.store.stampOf(this.name, seller);
  }

  count(seller: string): number {
    return this.store.rowsOf(this.name).get(seller)?.size ?? 0;
  }

  sellers(): string[] {
    return [...this.store.rowsOf(this.name).keys()];
  }
}

export const GLOBAL = "";
