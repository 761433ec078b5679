import fs from "node:fs";
import path from "node:path";
import { parse, stringify } from "./json";

/** One change to one row: `v === null` deletes it. `m` is the seller (merchant id), "" for global rows. */
export interface JournalRecord {
  t: string;
  m: string;
  k: string;
  v: unknown | null;
}

export interface Journal {
  append(record: JournalRecord): void;
  /** Replace everything on disk with these rows (used after bulk loads and for compaction). */
  snapshot(rows: Iterable<JournalRecord>): void;
  load(): Iterable<JournalRecord>;
  clear(): void;
  close(): void;
}

export class MemoryJournal implements Journal {
  append() {}
  snapshot() {}
  load() {
    return [];
  }
  clear() {}
  close() {}
}

/**
 * A write-ahead log plus atomic snapshots, both as JSON lines. Every change is appended (and so
 * survives a kill); on start the snapshot is read, the log replayed, and a fresh snapshot written
 * with write-then-rename so a crash mid-write never leaves a torn file. A torn last log line (the
 * process died mid-append) is skipped.
 */
export class FileJournal implements Journal {
  private readonly walPath: string;
  private readonly snapshotPath: string;
  private fd: number;
  private walBytes = 0;

  constructor(
    dir: string,
    private readonly compactAfterBytes = 64 * 1024 * 1024,
    private readonly rowsForCompaction?: () => Iterable<JournalRecord>,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    this.walPath = path.join(dir, "wal.jsonl");
    this.snapshotPath = path.join(dir, "snapshot.jsonl");
    this.fd = fs.openSync(this.walPath, "a");
    this.walBytes = fs.fstatSync(this.fd).size;
  }

  append(record: JournalRecord) {
    const line = stringify(record) + "\n";
    fs.writeSync(this.fd, line);
    this.walBytes += line.length;
    if (this.rowsForCompaction && this.walBytes > this.compactAfterBytes) this.snapshot(this.rowsForCompaction());
  }

  snapshot(rows: Iterable<JournalRecord>) {
    const tmp = `${this.snapshotPath}.tmp`;
    const fd = fs.openSync(tmp, "w");
    let buffer = "";
    for (const row of rows) {
      buffer += stringify(row) + "\n";
      if (buffer.length > 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = "";
      }
    }
    fs.writeSync(fd, buffer);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, this.snapshotPath);
    // Replaying the old log over the new snapshot would be harmless (rows are whole values), so
    // truncating after the rename is safe even if we die in between.
    fs.ftruncateSync(this.fd, 0);
    this.walBytes = 0;
  }

  *load(): Iterable<JournalRecord> {
    for (const file of [this.snapshotPath, this.walPath]) {
      if (!fs.existsSync(file)) continue;
      yield* readLines(file);
    }
  }

  clear() {
    fs.rmSync(this.snapshotPath, { force: true });
    fs.ftruncateSync(this.fd, 0);
    this.walBytes = 0;
  }

  close() {
    fs.closeSync(this.fd);
  }
}

function* readLines(file: string): Iterable<JournalRecord> {
  const fd = fs.openSync(file, "r");
  const chunk = Buffer.alloc(1 << 20);
  let rest = "";
  try {
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const text = rest + chunk.toString("utf8", 0, n);
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) {
        const record = parseLine(line);
        if (record) yield record;
      }
    }
    const last = parseLine(rest);
    if (last) yield last;
  } finally {
    fs.closeSync(fd);
  }
}

function parseLine(line: string): JournalRecord | undefined {
  if (!line.trim()) return undefined;
  try {
    return parse<JournalRecord>(line);
  } catch {
    return undefined; // a torn final write
  }
}
