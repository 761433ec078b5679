"use client";

import { useRef } from "react";

/**
 * One attempt per charge the seller means: the same attempt id while what is charged (amount, items,
 * note) stays the same — so a double click, a retry after a timeout or another card after a decline
 * reuse it — and a fresh one once it was paid or its content changed.
 */
export function useAttempt() {
  const current = useRef<{ id: string; content: string | null }>({ id: crypto.randomUUID(), content: null });
  return {
    forSubmission(content: string): string {
      if (current.current.content !== null && current.current.content !== content) current.current = { id: crypto.randomUUID(), content };
      current.current.content = content;
      return current.current.id;
    },
    /** After a completed charge: the next one is a new attempt. */
    finish() {
      current.current = { id: crypto.randomUUID(), content: null };
    },
  };
}
