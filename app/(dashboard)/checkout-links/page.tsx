import type { Metadata } from "next";
import { ComingSoon } from "@/components/layout/coming-soon";
import { requireSeller } from "@/lib/auth/current-seller";

export const metadata: Metadata = { title: "Checkout links" };

export default async function CheckoutLinksPage() {
  await requireSeller();
  return (
    <ComingSoon
      title="Checkout links"
      summary="A public checkout page you can share: buyers pay by card and may choose to save it for next time."
      points={["Create a link with an amount and a description", "Share it as a URL or QR code", "See which customer paid through each link"]}
    />
  );
}
