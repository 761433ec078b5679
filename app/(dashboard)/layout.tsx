import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { DashboardNav } from "@/components/layout/dashboard-nav";
import { SyncBadge } from "@/components/sync/sync-badge";
import { requireSeller } from "@/lib/auth/current-seller";
import { getDb } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/db/queries/sync";

// Pages read the session and Square per request; nothing here may be prerendered or shared.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const seller = await requireSeller();
  const syncStatus = await getSyncStatus(await getDb(), { merchantId: seller.merchantId });
  return (
    <div className="min-h-screen">
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/customers" className="text-lg font-semibold">
            Patron
          </Link>
          <div className="flex items-center gap-3 text-sm text-neutral-700">
            <SyncBadge initial={syncStatus} />
            <span aria-label="Signed in as">{seller.businessName}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-6 md:flex-row">
        <aside className="md:w-48 md:shrink-0">
          <DashboardNav />
        </aside>
        <main className="min-w-0 flex-1">{children}</main>
      </div>
    </div>
  );
}
