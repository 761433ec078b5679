import type { FieldChange } from "@/lib/customers/update-customer";

/** What someone else changed at Square while this seller was editing; nothing of theirs was overwritten. */
export function ConflictNotice({ changes }: { changes: FieldChange[] }) {
  return (
    <section role="alert" aria-labelledby="conflict-title" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="conflict-title" className="font-semibold">
        Someone else changed this customer while you were editing
      </h2>
      <p className="mt-1">Nothing was saved. Their changes are now in the form, with yours kept on top; check them and save again.</p>
      {changes.length > 0 && (
        <table className="mt-3 w-full text-left" aria-label="Changes made by someone else">
          <thead>
            <tr className="text-xs uppercase">
              <th className="py-1 pr-4 font-medium">Field</th>
              <th className="py-1 pr-4 font-medium">Was</th>
              <th className="py-1 font-medium">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <td className="py-1 pr-4">{c.label}</td>
                <td className="py-1 pr-4 line-through">{c.was || "(empty)"}</td>
                <td className="py-1">{c.now || "(empty)"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
