/** Square's receipt for a payment (opens Square's page), with its receipt number. */
export function ReceiptLink({ url, number }: { url: string | null; number: string | null }) {
  if (!url) return <span className="text-neutral-500">{number ? `Receipt #${number}` : "No receipt"}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className="font-medium text-neutral-900 underline">
      Receipt{number ? ` #${number}` : ""}
    </a>
  );
}
