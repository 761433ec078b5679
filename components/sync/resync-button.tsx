"use client";

import { useState, useTransition } from "react";
import { useSWRConfig } from "swr";
import { Button } from "@/components/ui/button";
import { resyncAction } from "@/lib/actions/sync";
import { SYNC_STATUS_KEY } from "./use-sync-status";

/** Settings → Resync: copies everything from Square again, in the background. */
export function ResyncButton() {
  const { mutate } = useSWRConfig();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await resyncAction();
            setMessage(result.ok ? "Resync started. The dashboard stays usable while it runs." : result.message);
            await mutate(SYNC_STATUS_KEY);
          })
        }
      >
        {pending ? "Starting…" : "Resync from Square"}
      </Button>
      {message && (
        <p role="status" className="text-sm text-neutral-700">
          {message}
        </p>
      )}
    </div>
  );
}
