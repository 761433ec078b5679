"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { disconnectSquareAction } from "@/lib/actions/settings";

/** Two steps, because disconnecting revokes access at Square and signs the seller out. */
export function DisconnectButton() {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (!confirming)
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Disconnect Square
      </Button>
    );

  return (
    <div className="space-y-3">
      <p className="text-sm text-neutral-800">
        Patron will lose access to your Square account and you will be signed out. You can connect again at any time.
      </p>
      <div className="flex gap-2">
        <Button
          variant="danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await disconnectSquareAction();
              if (result.ok) await signOut({ callbackUrl: "/login" });
              else setError(result.message);
            })
          }
        >
          {pending ? "Disconnecting…" : "Yes, disconnect"}
        </Button>
        <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
