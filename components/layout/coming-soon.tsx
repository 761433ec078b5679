import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

/** An honest placeholder for a section that a later piece of work builds. */
export function ComingSoon({ title, summary, points }: { title: string; summary: string; points: string[] }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <CardTitle>Coming soon</CardTitle>
        <CardDescription>{summary}</CardDescription>
        <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-neutral-700">
          {points.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      </Card>
    </>
  );
}
