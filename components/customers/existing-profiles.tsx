import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { ExistingProfile } from "@/lib/customers/create-customer";

/** Square already has someone with this email or phone: open them, or create another profile on purpose. */
export function ExistingProfiles({ profiles, onCreateAnyway, busy }: { profiles: ExistingProfile[]; onCreateAnyway: (e: { preventDefault(): void }) => void; busy: boolean }) {
  return (
    <section role="alert" aria-labelledby="existing-title" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="existing-title" className="font-semibold">
        Square already has {profiles.length === 1 ? "a customer" : `${profiles.length} customers`} with this email or phone
      </h2>
      <ul className="mt-2 space-y-1">
        {profiles.map((p) => (
          <li key={p.id}>
            <Link href={`/customers/${p.id}`} className="font-medium underline">
              {p.name}
            </Link>{" "}
            — {[p.emailAddress, p.phoneNumber].filter(Boolean).join(", ")}
            {p.createdAt ? `, since ${p.createdAt.slice(0, 10)}` : ""}
          </li>
        ))}
      </ul>
      <p className="mt-2">Creating another profile for the same person splits their history; you would have to merge them in Square later.</p>
      <Button type="button" variant="secondary" size="sm" className="mt-3" onClick={onCreateAnyway} disabled={busy}>
        Create a new customer anyway
      </Button>
    </section>
  );
}
