import { SquareError, SquareTimeoutError } from "square";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toAppError } from "./errors";

const squareError = (statusCode: number, code: string, detail?: string, field?: string) =>
  new SquareError({ statusCode, body: { errors: [{ category: "INVALID_REQUEST_ERROR", code, detail, field }] } });

describe("Square errors as app errors", () => {
  it.each([
    [401, "ACCESS_TOKEN_REVOKED", "SQUARE_AUTH"],
    [403, "FORBIDDEN", "FORBIDDEN"],
    [404, "NOT_FOUND", "NOT_FOUND"],
    [409, "VERSION_MISMATCH", "CONFLICT"],
    [429, "RATE_LIMITED", "RATE_LIMITED"],
    [400, "INVALID_EMAIL_ADDRESS", "INVALID_INPUT"],
    [503, "SERVICE_UNAVAILABLE", "SQUARE_UNAVAILABLE"],
  ])("maps HTTP %i %s to %s", (status, code, appCode) => {
    const err = toAppError(squareError(status, code));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: appCode, squareCode: code });
  });

  it("keeps the field and Square's explanation of bad input", () => {
    expect(toAppError(squareError(400, "INVALID_EMAIL_ADDRESS", "Invalid email.", "email_address"))).toMatchObject({
      code: "INVALID_INPUT",
      field: "email_address",
      message: "Invalid email.",
    });
  });

  it("reads the missing scopes out of INSUFFICIENT_SCOPES", () => {
    const err = toAppError(squareError(403, "INSUFFICIENT_SCOPES", "The merchant has not granted enough permissions [ORDERS_READ, ORDERS_WRITE]"));
    expect(err).toMatchObject({ code: "MISSING_SCOPE", scopes: ["ORDERS_READ", "ORDERS_WRITE"] });
  });

  it("maps timeouts and passes unrelated errors through", () => {
    expect(toAppError(new SquareTimeoutError("slow"))).toMatchObject({ code: "SQUARE_TIMEOUT" });
    // Node 20: the SDK's timeout arrives as a SquareError whose cause is the abort reason.
    expect(toAppError(new SquareError({ message: '"timeout"', cause: "timeout" }))).toMatchObject({ code: "SQUARE_TIMEOUT" });
    expect(toAppError(new SquareError({ message: "socket hang up", cause: new Error("socket hang up") }))).toMatchObject({ code: "SQUARE_UNAVAILABLE" });
    const bug = new TypeError("bug");
    expect(toAppError(bug)).toBe(bug);
  });
});
