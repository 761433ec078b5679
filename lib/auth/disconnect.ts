import "server-only";
import type { TokenCipher } from "@/lib/crypto/token-cipher";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/db/queries/audit-log";
import { disconnectSeller, getSellerCredentials } from "@/lib/db/queries/sellers";
import { isAppError } from "@/lib/errors";
import type { SquareConfig } from "@/lib/square/config";
import { revokeAccess } from "@/lib/square/oauth";

export interface DisconnectDeps {
  db: Db;
  config: SquareConfig;
  cipher: TokenCipher;
}

/**
 * Revokes Patron's access at Square (every token of this seller) and forgets the tokens. A token
 * Square already revoked is fine: the seller wanted it gone, and it is.
 */
export async function disconnectFromSquare(deps: DisconnectDeps, merchantId: string): Promise<void> {
  const creds = await getSellerCredentials(deps.db, { merchantId });
  if (creds) {
    try {
      await revokeAccess(deps.config, deps.cipher.decrypt(creds.accessToken));
    } catch (err) {
      if (!isAppError(err, "SQUARE_AUTH") && !isAppError(err, "NOT_FOUND")) throw err;
    }
  }
  await disconnectSeller(deps.db, { merchantId });
  await recordAudit(deps.db, { merchantId, actor: "seller", action: "seller.disconnected", objectIds: [merchantId] });
}
