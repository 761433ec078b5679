"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

interface Outcome {
  ok: boolean;
}

/**
 * Runs one server action at a time (a double click's second call is ignored before React has
 * re-rendered the button as disabled), then re-renders the page's server panels on success.
 */
export function useCustomerAction() {
  const router = useRouter();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  async function run<T extends Outcome>(call: () => Promise<T>): Promise<T | null> {
    if (running.current) return null;
    running.current = true;
    setBusy(true);
    setFailed(null);
    try {
      const result = await call();
      if (result.ok) router.refresh();
      return result;
    } catch {
      setFailed("Something went wrong before Square answered. Check your connection and try again.");
      return null;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  return { busy, failed, run };
}
