import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** A token as stored in the database: `v1.<iv>.<auth tag>.<ciphertext>`, each part base64url. */
export type EncryptedToken = string & { readonly __encrypted: unique symbol };

export interface TokenCipher {
  encrypt(plain: string): EncryptedToken;
  decrypt(stored: string): string;
}

const VERSION = "v1";

/**
 * AES-256-GCM with a fresh 12-byte IV per value. GCM's tag makes a tampered or wrongly keyed value
 * fail to decrypt instead of yielding garbage.
 */
export function createTokenCipher(keyBase64: string): TokenCipher {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error("The token encryption key must be 32 bytes (base64).");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".") as EncryptedToken;
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("Not an encrypted token.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}
