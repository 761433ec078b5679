import { z } from "zod";

// Pieces every form schema shares. A browser running Patron's own page never trips these; a forged
// or broken request does, and still deserves a sentence rather than zod's English.

/** The whole submission is not the form's object (null, a string, an array…). */
export const UNREADABLE_FORM = "The form's data could not be read. Reload the page and try again.";

/**
 * A whole number typed into a quantity box: a JSON number or a string of digits. Anything else
 * (true, "1e3", "0x10", [5]) is refused rather than coerced into a number the seller never typed.
 */
export function wholeQuantity(messages: { invalid: string; min: [number, string]; max: [number, string] }) {
  return z
    .custom<number | string>((v) => (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && /^\s*\d{1,9}\s*$/.test(v)), messages.invalid)
    .transform(Number)
    .pipe(z.number().int(messages.invalid).min(messages.min[0], messages.min[1]).max(messages.max[0], messages.max[1]));
}
