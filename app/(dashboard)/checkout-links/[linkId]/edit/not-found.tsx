import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

export default function CheckoutLinkNotFound() {
  return (
    <Card>
      <CardTitle>Checkout link not found</CardTitle>
      <CardDescription>
        It may have been deleted. <Link href="/checkout-links" className="underline">Back to your checkout links</Link>.
      </CardDescription>
    </Card>
  );
}
