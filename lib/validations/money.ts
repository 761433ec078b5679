import { z } from "zod";
import { parseAmountInput, type AmountRules } from "@/lib/money/parse-amount";

/** A typed amount ("12.50") as exact integer cents, refused with the parser's sentence. */
export const amountText = (rules: AmountRules) =>
  z.string({ error: "Enter an amount." }).transform((text, ctx) => {
    const read = parseAmountInput(text, rules);
    if (read.ok) return read.amount;
    ctx.addIssue({ code: "custom", message: read.message });
    return z.NEVER;
  });
