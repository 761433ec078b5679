"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function ReportsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="Your reports could not be loaded" error={error} reset={reset} />;
}
