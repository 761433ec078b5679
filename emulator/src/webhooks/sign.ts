import { createHmac } from "node:crypto";

/** Square's signature: base64(HMAC-SHA256(key, notification URL exactly as registered + raw body)). */
export function signWebhook(signatureKey: string, notificationUrl: string, body: string): string {
  return createHmac("sha256", signatureKey).update(notificationUrl + body).digest("base64");
}
