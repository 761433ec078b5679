"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonVariants } from "@/components/ui/button";
import { deleteCheckoutLinkAction, setCheckoutLinkActiveAction } from "@/lib/actions/checkout-links";

/** Edit, turn on or off, and delete one link. */
export function LinkRowActions({ id, title, active }: { id: string; title: string; active: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<{ ok: boolean; message?: string }>) =>
    start(async () => {
      const result = await action();
      setError(result.ok ? null : (result.message ?? "That did not work."));
      router.refresh();
    });
  return (
    <div className="flex flex-wrap gap-2">
      <Link href={`/checkout-links/${id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })} aria-label={`Edit ${title}`}>
        Edit
      </Link>
      <button type="button" className={buttonVariants({ variant: "secondary", size: "sm" })} disabled={pending} aria-label={`${active ? "Deactivate" : "Activate"} ${title}`} onClick={() => run(() => setCheckoutLinkActiveAction(id, !active))}>
        {active ? "Deactivate" : "Activate"}
      </button>
      <button
        type="button"
        className={buttonVariants({ variant: "ghost", size: "sm" })}
        disabled={pending}
        aria-label={`Delete ${title}`}
        onClick={() => confirm(`Delete "${title}"? Its URL stops working; past payments stay recorded.`) && run(() => deleteCheckoutLinkAction(id))}
      >
        Delete
      </button>
      {error && (
        <p role="alert" className="w-full text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
