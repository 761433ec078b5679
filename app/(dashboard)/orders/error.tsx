"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function OrdersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Your orders could not be loaded" error={error} reset={reset} />;
}
