"use client";

import { payments, type Card, type GiftCard, type Payments, type TokenResult } from "@square/web-sdk";
import { useEffect, useRef, useState } from "react";

export interface SquareSettings {
  applicationId: string;
  locationId: string;
  /** The local Square's stand-in for Square's CDN script; unset in sandbox and production. */
  scriptSrc?: string;
}

export type PaymentMethod = "card" | "gift_card";
export type SdkState = "loading" | "ready" | "failed";

export const CARD_CONTAINER = "square-card";
export const GIFT_CARD_CONTAINER = "square-gift-card";

/**
 * Loads the Web Payments SDK and attaches its card form (and, once chosen, its gift card form) to
 * the page. The fields live in Square's iframe: the card number never touches this page.
 */
export function useSquarePayments(settings: SquareSettings, method: PaymentMethod) {
  const [state, setState] = useState<SdkState>("loading");
  const sdk = useRef<Payments | null>(null);
  const card = useRef<Card | null>(null);
  const giftCard = useRef<GiftCard | null>(null);
  const { applicationId, locationId, scriptSrc } = settings;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const loaded = await payments(applicationId, locationId, scriptSrc ? { scriptSrc } : undefined);
        if (!loaded) throw new Error("The Web Payments SDK did not load.");
        const form = await loaded.card();
        if (!live) return void form.destroy();
        await form.attach(`#${CARD_CONTAINER}`);
        sdk.current = loaded;
        card.current = form;
        setState("ready");
      } catch {
        if (live) setState("failed");
      }
    })();
    return () => {
      live = false;
      void card.current?.destroy();
      void giftCard.current?.destroy();
      card.current = giftCard.current = null;
    };
  }, [applicationId, locationId, scriptSrc]);

  useEffect(() => {
    if (method !== "gift_card" || state !== "ready" || giftCard.current || !sdk.current) return;
    (async () => {
      const form = await sdk.current!.giftCard();
      await form.attach(`#${GIFT_CARD_CONTAINER}`);
      giftCard.current = form;
    })().catch(() => setState("failed"));
  }, [method, state]);

  /** A single-use payment token for the chosen method, with SCA verification details for cards. */
  async function tokenize(details: Parameters<Card["tokenize"]>[0]): Promise<TokenResult> {
    const form = method === "card" ? card.current : giftCard.current;
    if (!form) return { status: "Error", errors: [{ type: "NOT_READY", message: "The payment form is still loading." }] } as TokenResult;
    return method === "card" ? (form as Card).tokenize(details) : (form as GiftCard).tokenize();
  }

  return { state, tokenize };
}
