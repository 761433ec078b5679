"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function CheckoutLinksError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Your checkout links could not be loaded" error={error} reset={reset} />;
}
