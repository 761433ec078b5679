import { z } from "zod";
import type { EmulatorContext } from "../context";
import { scaBehaviourOf, type ScaBehaviour } from "../domain/cards-test-values";
import { issueVerificationToken } from "../domain/cards-verification";
import { findPaymentToken, SANDBOX_CARDS_ON_FILE } from "../domain/payment-tokens";
import { tables } from "../domain/tables";
import { parseVerificationDetails, sellerFor, TokenizeFailure, verificationFailed, verificationFrom } from "./session";

const VerifyBuyerRequest = z.object({
  applicationId: z.string(),
  locationId: z.string().optional(),
  source: z.string(),
  details: z.unknown(),
});

/** `payments.verifyBuyer()` resolves to this (VerifyBuyerResponseDetails). */
export interface VerifyBuyerResult {
  token: string;
  userChallenged: boolean;
}

export type VerifyBuyerOutcome = { result: VerifyBuyerResult } | { challenge: () => VerifyBuyerResult };

/**
 * Legacy buyer verification for a payment token or a card on file. The SCA behaviour comes from
 * the card's fingerprint (the stored SCA test cards), or the sandbox
 * `ccof:customer-card-id-requires-verification`, which always challenges.
 */
export function verifyBuyer(ctx: EmulatorContext, raw: unknown): VerifyBuyerOutcome {
  const parsed = VerifyBuyerRequest.safeParse(raw);
  if (!parsed.success) throw new TokenizeFailure("Error", [{ type: "BAD_REQUEST", message: "Malformed verifyBuyer request." }]);
  const req = parsed.data;
  const { merchantId } = sellerFor(ctx, req.applicationId, req.locationId);
  const details = parseVerificationDetails(req.details);
  const sca = scaOfSource(ctx, merchantId, req.source);
  const issue = (userChallenged: boolean): VerifyBuyerResult => ({
    token: issueVerificationToken(ctx, merchantId, req.source, verificationFrom(ctx, details, userChallenged)).token,
    userChallenged,
  });
  if (sca === "fail") throw verificationFailed();
  if (sca === "challenge") return { challenge: () => issue(true) };
  return { result: issue(false) };
}

function scaOfSource(ctx: EmulatorContext, merchantId: string, source: string): ScaBehaviour | undefined {
  const sandbox = SANDBOX_CARDS_ON_FILE[source];
  if (sandbox) return sandbox.requiresVerification ? "challenge" : undefined;
  if (source.startsWith("ccof:")) {
    const card = tables(ctx.store).cards.get(merchantId, source);
    if (!card?.enabled) throw notFound("Card on file not found.");
    return scaBehaviourOf(card.fingerprint);
  }
  const token = findPaymentToken(ctx, merchantId, source);
  if (!token || token.usedAt || (token.expiresAt && Date.parse(token.expiresAt) <= ctx.clock.nowMs()))
    throw notFound("Payment token not found, already used or expired.");
  return scaBehaviourOf(token.card?.fingerprint);
}

const notFound = (message: string) => new TokenizeFailure("Error", [{ type: "SOURCE_NOT_FOUND", message }]);
