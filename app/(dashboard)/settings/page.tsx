import type { Metadata } from "next";
import { SignInButton } from "@/components/auth/sign-in-button";
import { DisconnectButton } from "@/components/settings/disconnect-button";
import { ResyncButton } from "@/components/sync/resync-button";
import { SyncProgress } from "@/components/sync/sync-progress";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireSeller } from "@/lib/auth/current-seller";
import { missingScopes, REQUESTED_SCOPES, SCOPES } from "@/lib/auth/scopes";
import { getDb } from "@/lib/db/client";
import { getSyncStatus } from "@/lib/db/queries/sync";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const seller = await requireSeller();
  const missing = missingScopes(seller, REQUESTED_SCOPES);
  const sync = await getSyncStatus(await getDb(), { merchantId: seller.merchantId });
  return (
    <>
      <PageHeader title="Settings" />
      <div className="space-y-6">
        <Card>
          <CardTitle>Square account</CardTitle>
          <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-neutral-600">Business</dt>
            <dd>{seller.businessName}</dd>
            <dt className="text-neutral-600">Merchant ID</dt>
            <dd className="font-mono">{seller.merchantId}</dd>
            <dt className="text-neutral-600">Main location</dt>
            <dd className="font-mono">{seller.mainLocationId ?? "—"}</dd>
          </dl>
        </Card>

        <Card>
          <CardTitle>Permissions</CardTitle>
          <CardDescription>What you allowed Patron to do when you connected Square.</CardDescription>
          <ul aria-label="Permissions" className="mt-4 space-y-1 text-sm">
            {REQUESTED_SCOPES.map((scope) => {
              const granted = !missing.includes(scope);
              return (
                <li key={scope} className="flex gap-2">
                  <span className={granted ? "text-green-700" : "text-red-700"}>{granted ? "Allowed" : "Not allowed"}</span>
                  <span>
                    {SCOPES[scope]} <span className="font-mono text-xs text-neutral-500">{scope}</span>
                  </span>
                </li>
              );
            })}
          </ul>
          {missing.length > 0 && (
            <div className="mt-4">
              <SignInButton callbackUrl="/settings" label="Re-authorize with Square" />
            </div>
          )}
        </Card>

        <Card>
          <CardTitle>Data sync</CardTitle>
          <CardDescription>
            Patron keeps a copy of your Square data, updated by Square&apos;s notifications and checked against Square every few minutes.
            {sync.confirmedAt && <> Last full check: {new Date(sync.confirmedAt).toUTCString()}.</>} Resync copies everything again if something
            looks out of date.
          </CardDescription>
          <div className="mt-4 space-y-4">
            <SyncProgress initial={sync} />
            <ResyncButton />
          </div>
        </Card>

        <Card>
          <CardTitle>Disconnect</CardTitle>
          <CardDescription>Revoke Patron&apos;s access to your Square account.</CardDescription>
          <div className="mt-4">
            <DisconnectButton />
          </div>
        </Card>
      </div>
    </>
  );
}
