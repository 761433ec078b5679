import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { SCOPES, type Scope } from "@/lib/auth/scopes";
import { SignInButton } from "./sign-in-button";

/**
 * Shown instead of a feature whose OAuth scope the seller did not grant, rather than letting
 * Square answer 403. Re-authorizing goes through Square's consent page again.
 */
export function MissingScope({ scopes, returnTo }: { scopes: readonly Scope[]; returnTo: string }) {
  return (
    <Card role="alert">
      <CardTitle>Patron needs more permissions</CardTitle>
      <CardDescription>
        When you connected Square you did not allow Patron to {scopes.map((s) => SCOPES[s]).join(" or ")} ({scopes.join(", ")}). Re-authorize
        Patron with Square and leave that permission ticked to use this page.
      </CardDescription>
      <div className="mt-4">
        <SignInButton callbackUrl={returnTo} label="Re-authorize with Square" />
      </div>
    </Card>
  );
}
