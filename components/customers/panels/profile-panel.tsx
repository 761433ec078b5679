import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { getDb } from "@/lib/db/client";
import { getCustomerProfile, type ProfileAddress } from "@/lib/db/queries/customer-profile";
import { formatDate, formatPhone } from "@/lib/format";
import { enumLabel } from "@/lib/reports/labels";
import { Panel } from "./panel";

const line = (a: ProfileAddress) =>
  [a.addressLine1, a.addressLine2, [a.locality, a.administrativeDistrictLevel1, a.postalCode].filter(Boolean).join(" "), a.country].filter(Boolean).join(", ");

/** Square writes a birthday without a year as 0000-MM-DD. */
function birthday(b: string | null): string {
  if (!b) return "—";
  const [y, m, d] = b.split("-").map(Number);
  const date = new Date(Date.UTC(y || 2000, m - 1, d));
  return new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", ...(y ? { year: "numeric" } : {}), timeZone: "UTC" }).format(date);
}

export async function ProfilePanel({ merchantId, customerId, canEdit }: { merchantId: string; customerId: string; canEdit: boolean }) {
  const p = await getCustomerProfile(await getDb(), { merchantId, customerId });
  if (!p) return null;
  const rows: [string, string][] = [
    ["Company", p.companyName ?? "—"],
    ["Email", p.emailAddress ?? "—"],
    ["Phone", formatPhone(p.phoneNumber)],
    ["Birthday", birthday(p.birthday)],
    ["Address", p.address ? line(p.address) : "—"],
    ["Reference ID", p.referenceId ?? "—"],
    ["Note", p.note ?? "—"],
    ["Source", enumLabel(p.creationSource)],
    ["Customer since", formatDate(p.createdAt)],
    ["Square ID", p.id],
  ];
  return (
    <Panel
      title="Profile"
      actions={
        canEdit && (
          <Link href={`/customers/${p.id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            Edit customer
          </Link>
        )
      }
    >
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-neutral-600">{label}</dt>
            <dd className={label === "Square ID" ? "font-mono text-xs break-all" : "break-words whitespace-pre-line"}>{value}</dd>
          </div>
        ))}
      </dl>
      {p.previousIds.length > 0 && (
        <div className="rounded-md bg-neutral-50 p-3 text-sm">
          <h3 className="font-medium">Merged from {p.previousIds.length === 1 ? "an earlier profile" : `${p.previousIds.length} earlier profiles`}</h3>
          <p className="mt-1 text-neutral-600">Square merged these profiles into this one; their history is included here.</p>
          <ul aria-label="Previous IDs" className="mt-1 font-mono text-xs">
            {p.previousIds.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        </div>
      )}
    </Panel>
  );
}
