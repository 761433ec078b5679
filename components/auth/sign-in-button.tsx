"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Starts Square's OAuth flow; Square sends the seller back to `callbackUrl` once they allow access. */
export function SignInButton({ callbackUrl = "/customers", label = "Sign in with Square" }: { callbackUrl?: string; label?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      size="lg"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("square", { callbackUrl });
      }}
    >
      {pending ? "Opening Square…" : label}
    </Button>
  );
}
