"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** The body of an error.tsx: what happened in words, a reference for support, and a retry. */
export function ErrorPanel({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => console.error(error), [error]);
  return (
    <Card role="alert">
      <CardTitle>{title}</CardTitle>
      <CardDescription>
        Something went wrong while talking to Square or the database. Your data is safe; try again.
        {error.digest && <span className="mt-1 block text-xs text-neutral-500">Reference: {error.digest}</span>}
      </CardDescription>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
