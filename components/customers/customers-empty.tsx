import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** No customers yet: say where they come from rather than showing an empty table. */
export function CustomersEmpty({ local }: { local: boolean }) {
  return (
    <Card>
      <CardTitle>No customers yet</CardTitle>
      <CardDescription>
        Customers appear here as soon as they exist in your Square account: add one in Square&apos;s Dashboard or point of sale, or take a
        payment that creates one.
      </CardDescription>
      {local && (
        <p className="mt-3 text-sm text-neutral-600">
          You are on the local Square, where new sellers start empty. Create customers through its Customers API{" "}
          (<code>POST /v2/customers</code> with this seller&apos;s token) and they appear here.
        </p>
      )}
    </Card>
  );
}
