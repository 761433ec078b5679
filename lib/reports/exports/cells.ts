import { decimalAmount } from "../money";

/** Turns instants into the shop's local date and time, with one Intl formatter per export. */
export function localClock(timezone: string) {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return (iso: string | null): [date: string, time: string] => {
    if (!iso) return ["", ""];
    const p = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
    return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}:${p.second}`];
  };
}

export const amountCell = (amount: number, currency: string) => decimalAmount(amount, currency);

/** Several values in one cell ("Ada Lovelace; Grace Hopper"). */
export const joined = (values: (string | null | undefined)[]) => values.map((v) => v ?? "").join("; ");
