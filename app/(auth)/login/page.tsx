import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInButton } from "@/components/auth/sign-in-button";
import { Card } from "@/components/ui/card";
import { getCurrentSeller } from "@/lib/auth/current-seller";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// next-auth reports failures as ?error=<code>; these are the ones a seller can meet.
// A seller who chose Deny comes back as "Callback" too.
const NOT_COMPLETED = "Signing in with Square did not complete. If you chose Deny on Square's page, sign in again and choose Allow.";
const ERRORS: Record<string, string> = {
  OAuthCallback: NOT_COMPLETED,
  Callback: NOT_COMPLETED,
  OAuthSignin: "Patron could not reach Square to start signing in. Try again in a moment.",
  SquareUnavailable: "Square was busy or could not be reached while signing you in, so nothing changed. Sign in with Square again in a moment.",
  SessionRequired: "Sign in to continue.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error, callbackUrl } = await searchParams;
  if (await getCurrentSeller()) redirect("/customers");
  const local = getEnv().SQUARE_ENVIRONMENT === "local";
  // Only same-site paths: never bounce a seller to another origin after signing in.
  const next = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/customers";
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-md text-center">
        <h1 className="text-2xl font-semibold">Patron</h1>
        <p className="mt-2 text-sm text-neutral-600">Your Square customers, their cards, gift cards, orders and payments in one place.</p>
        {error && (
          <p role="alert" className="mt-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
            {ERRORS[error] ?? "Signing in failed. Try again."}
          </p>
        )}
        <div className="mt-6">
          <SignInButton callbackUrl={next} />
        </div>
        {local && (
          <p className="mt-6 text-xs text-neutral-500">
            Running on the local Square: pick <strong>Patron Demo Café</strong> on its consent page and choose Allow. No Square account needed.
          </p>
        )}
      </Card>
    </main>
  );
}
