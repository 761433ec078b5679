import { hrefWith } from "@/lib/reports/history-url";
import { HistoryEmpty } from "./history-empty";

/** Why a history list is empty (still copying, filters, or a quiet range) and what to do about it. */
export function ListEmpty({
  noun,
  path,
  copying,
  narrowed,
  range,
  widerHref,
}: {
  /** Plural, lower case: "orders". */
  noun: string;
  path: string;
  copying: boolean;
  narrowed: boolean;
  range: { from: string; to: string };
  /** A longer range with the same filters, when there is one. */
  widerHref?: string;
}) {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  if (copying)
    return (
      <HistoryEmpty title={`Your ${noun} are on their way`}>
        Patron is still copying your history from Square. {Noun} appear here as they arrive; this page refreshes itself.
      </HistoryEmpty>
    );
  if (narrowed)
    return (
      <HistoryEmpty title={`No ${noun} match these filters`} actions={[{ label: "Clear the filters", href: hrefWith(path, range) }]}>
        Nothing from {range.from} to {range.to} matches. Try other filters or another location, or clear them.
      </HistoryEmpty>
    );
  return (
    <HistoryEmpty title={`No ${noun} in this range`} actions={widerHref ? [{ label: "Look at the last 12 months", href: widerHref }] : []}>
      Nothing was sold from {range.from} to {range.to}. Choose a longer range; new sales from Square and from your checkout links appear here within
      seconds.
    </HistoryEmpty>
  );
}
