import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";

/** An empty list that says why it is empty and what to do next. */
export function HistoryEmpty({ title, children, actions }: { title: string; children: ReactNode; actions?: { label: string; href: string }[] }) {
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      <CardDescription>{children}</CardDescription>
      {actions && actions.length > 0 && (
        <p className="mt-3 flex flex-wrap gap-3 text-sm">
          {actions.map((a) => (
            <Link key={a.href} href={a.href} className="font-medium text-neutral-900 underline">
              {a.label}
            </Link>
          ))}
        </p>
      )}
    </Card>
  );
}
