import Link from "next/link";
import { customerDisplayName } from "@/lib/format";
import { attributionLabel, type AttributionFacts } from "@/lib/reports/labels";

export interface AttributedPerson extends AttributionFacts {
  givenName: string | null;
  familyName: string | null;
  emailAddress: string | null;
}

/** A sale's customer(s), each linked to their page with where the attribution came from; none is flagged, not hidden. */
export function CustomerAttribution({ customers }: { customers: AttributedPerson[] }) {
  const known = customers.filter((c) => c.customerId);
  if (!known.length) return <NoCustomer />;
  return (
    <ul className="space-y-1">
      {known.map((c) => (
        <li key={c.customerId}>
          <Link href={`/customers/${c.customerId}`} className="font-medium text-neutral-900 underline-offset-2 hover:underline">
            {customerDisplayName({ ...c, companyName: null, phoneNumber: null })}
          </Link>
          <span className="block text-xs text-neutral-500">{attributionLabel(c)}</span>
        </li>
      ))}
    </ul>
  );
}

export function NoCustomer() {
  return (
    <span className="inline-flex items-center rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900" title="No customer on the order or its payments">
      No customer
    </span>
  );
}
