"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function OverviewError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="The overview could not be loaded" error={error} reset={reset} />;
}
