import Link from "next/link";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** Filters in the URL that cannot be used: say which and why, and offer the unfiltered page. */
export function FilterProblems({ problems, resetHref }: { problems: string[]; resetHref: string }) {
  return (
    <Card role="alert" className="mb-4 border-amber-300 bg-amber-50">
      <CardTitle>These filters cannot be used</CardTitle>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-neutral-800">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <CardDescription className="mt-3">
        Fix them above, or{" "}
        <Link href={resetHref} className="font-medium text-neutral-900 underline">
          start again without filters
        </Link>
        .
      </CardDescription>
    </Card>
  );
}
