"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function PaymentsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Your payments could not be loaded" error={error} reset={reset} />;
}
