import "server-only";
import { getEnv } from "@/lib/env";
import { createTokenCipher, type TokenCipher } from "./token-cipher";

let cipher: TokenCipher | undefined;

/** The cipher for tokens at rest, keyed by PATRON_ENCRYPTION_KEY. */
export function appTokenCipher(): TokenCipher {
  cipher ??= createTokenCipher(getEnv().PATRON_ENCRYPTION_KEY);
  return cipher;
}
