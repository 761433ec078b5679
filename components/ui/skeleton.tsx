import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

/** A grey placeholder block while content loads; hidden from assistive technology. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden className={cn("animate-pulse rounded-md bg-neutral-200", className)} {...props} />;
}
