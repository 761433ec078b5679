"use client";

import { useRef, useState, type MouseEvent } from "react";
import { buttonVariants } from "@/components/ui/button";
import { createRowCounter } from "@/lib/csv/count-rows";

type State =
  | { phase: "idle" }
  | { phase: "running"; rows: number; bytes: number; total: number | null }
  | { phase: "done"; rows: number }
  | { phase: "failed"; message: string };

const ROW_COUNT_HEADER = "X-Row-Count";

/**
 * A CSV download that shows its progress: the file is read as it streams (rows and bytes so far, of
 * the total the server announced), then saved. Without JavaScript the link downloads directly.
 */
export function ExportButton({ href, label }: { href: string; label: string }) {
  const [state, setState] = useState<State>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run(event: MouseEvent) {
    event.preventDefault();
    if (state.phase === "running") return;
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await fetch(href, { signal: controller.signal });
      if (!res.ok || !res.body) return setState({ phase: "failed", message: await reason(res) });
      const announced = res.headers.get(ROW_COUNT_HEADER);
      const total = announced === null ? null : Number(announced);
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      const counter = createRowCounter();
      const parts: BlobPart[] = [];
      let bytes = 0;
      setState({ phase: "running", rows: 0, bytes: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        bytes += value.byteLength;
        // The first record is the header.
        setState({ phase: "running", rows: Math.max(0, counter.push(decoder.decode(value, { stream: true })) - 1), bytes, total });
      }
      save(new Blob(parts, { type: "text/csv;charset=utf-8" }), filenameOf(res) ?? "export.csv");
      setState({ phase: "done", rows: Math.max(0, counter.records - 1) });
    } catch (err) {
      setState(controller.signal.aborted ? { phase: "idle" } : { phase: "failed", message: err instanceof Error ? err.message : "The download stopped." });
    }
  }

  return (
    <div className="flex flex-col items-end gap-1 text-sm">
      <div className="flex gap-2">
        <a href={href} download onClick={run} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-disabled={state.phase === "running"}>
          {label}
        </a>
        {state.phase === "running" && (
          <button type="button" onClick={() => abort.current?.abort()} className={buttonVariants({ variant: "ghost", size: "sm" })}>
            Cancel
          </button>
        )}
      </div>
      <Progress state={state} />
    </div>
  );
}

function Progress({ state }: { state: State }) {
  if (state.phase === "idle") return null;
  if (state.phase === "failed")
    return (
      <p role="alert" className="text-red-700">
        {state.message}
      </p>
    );
  if (state.phase === "done") return <p role="status" className="text-neutral-600">Downloaded {state.rows.toLocaleString("en-US")} rows.</p>;
  const { rows, bytes, total } = state;
  return (
    <div role="status" className="flex items-center gap-2 text-neutral-600">
      <progress aria-label="Export progress" max={total ?? undefined} value={total ? Math.min(rows, total) : undefined} className="h-2 w-32" />
      <span>
        {rows.toLocaleString("en-US")}
        {total !== null && ` of ${total.toLocaleString("en-US")}`} rows · {formatBytes(bytes)}
      </span>
    </div>
  );
}

async function reason(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string; problems?: string[] };
    return [body.error, ...(body.problems ?? [])].filter(Boolean).join(" ") || `The export failed (${res.status}).`;
  } catch {
    return `The export failed (${res.status}).`;
  }
}

function filenameOf(res: Response): string | null {
  return /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? null;
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const formatBytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
