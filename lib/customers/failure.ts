import "server-only";
import { toActionError, type ActionResult } from "@/lib/action-result";
import { AppError } from "@/lib/errors";
import { sellerMessage, type Situation } from "./seller-messages";

/** Field errors: the form shows each next to its field; the message sums up. */
export const invalid = (fieldErrors: Record<string, string[]>, message = "Check the highlighted fields."): ActionResult<never> => ({
  ok: false,
  code: "INVALID_INPUT",
  message,
  fieldErrors,
});

/**
 * An expected failure as an action result, in the seller's words: Square's code explained for where
 * it happened, else the AppError's own message. Anything that is not an AppError is a bug: rethrown.
 */
export function failure(err: unknown, situation: Situation, fieldOf: (squareField: string) => string = camelField): ActionResult<never> {
  const result = toActionError(err);
  if (result.ok || !(err instanceof AppError)) return result;
  const message = sellerMessage(err.squareCode, situation) ?? result.message;
  const { fieldErrors: squareFields, ...rest } = result;
  const fieldErrors = squareFields && err.field && err.code === "INVALID_INPUT" ? { [fieldOf(err.field)]: [message] } : undefined;
  return { ...rest, message, ...(fieldErrors ? { fieldErrors } : {}) };
}

/** Square's "address.postal_code" → "postalCode": the last segment, camelCased. */
export const camelField = (field: string): string => (field.split(".").pop() ?? field).replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
