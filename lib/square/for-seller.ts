import "server-only";
import type { SquareClient } from "square";
import { appTokenCipher } from "@/lib/crypto/app-cipher";
import { getDb } from "@/lib/db/client";
import { appSquareConfig } from "./config";
import { clientForSeller } from "./seller-client";

/** A Square client for the signed-in seller (pass the result of requireSeller()). */
export async function squareFor(seller: { merchantId: string }): Promise<SquareClient> {
  return clientForSeller({ db: await getDb(), config: appSquareConfig(), cipher: appTokenCipher() }, seller.merchantId);
}
