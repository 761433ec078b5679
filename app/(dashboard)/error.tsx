"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This page could not be loaded" error={error} reset={reset} />;
}
