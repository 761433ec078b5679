"use client";

import { ErrorPanel } from "@/components/layout/error-panel";

export default function CustomerError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel title="This customer could not be loaded" error={error} reset={reset} />;
}
