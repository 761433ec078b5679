"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function CustomersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Your customers could not be loaded" error={error} reset={reset} />;
}
