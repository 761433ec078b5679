"use server";

import { ok, toActionError, type ActionResult } from "@/lib/action-result";
import { requireSeller } from "@/lib/auth/current-seller";
import { disconnectFromSquare } from "@/lib/auth/disconnect";
import { appTokenCipher } from "@/lib/crypto/app-cipher";
import { getDb } from "@/lib/db/client";
import { appSquareConfig } from "@/lib/square/config";

/** Settings → Disconnect: revokes Patron's Square access for the signed-in seller. Takes no ids by design. */
export async function disconnectSquareAction(): Promise<ActionResult> {
  const seller = await requireSeller();
  try {
    await disconnectFromSquare({ db: await getDb(), config: appSquareConfig(), cipher: appTokenCipher() }, seller.merchantId);
    return ok(undefined);
  } catch (err) {
    return toActionError(err);
  }
}
