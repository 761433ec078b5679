import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/** Keyset pages: the next page continues after the last row shown; the first page drops the position. */
export function Pager({ firstHref, nextHref, onFirstPage }: { firstHref: string; nextHref: string | null; onFirstPage: boolean }) {
  if (onFirstPage && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
      {onFirstPage ? <span /> : <Link href={firstHref} className={buttonVariants({ variant: "secondary", size: "sm" })}>Newest first</Link>}
      {nextHref ? <Link href={nextHref} className={buttonVariants({ variant: "secondary", size: "sm" })}>Next page</Link> : <span className="text-neutral-600">End of the list</span>}
    </nav>
  );
}
