import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export default function CustomerNotFound() {
  return (
    <Card>
      <CardTitle>No such customer</CardTitle>
      <CardDescription>This customer is not in your Square directory: the link may be wrong, or the profile was deleted in Square.</CardDescription>
      <Link href="/customers" className="mt-4 inline-block text-sm underline">
        Back to customers
      </Link>
    </Card>
  );
}
