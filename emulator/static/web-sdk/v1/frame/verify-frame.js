// Legacy verifyBuyer(): checks the source with the emulator and, for cards that need it, asks the
// buyer for the challenge code. The seller page shows this frame only when a challenge opens.
import { runChallenge } from "./challenge.js";
import { applicationId, embeddedCorrectly, locationId, onRequest, postJson, reportSize, send } from "./parent-link.js";

if (embeddedCorrectly()) {
  reportSize();
  onRequest(async (request) => {
    if (request.type !== "verify") return { error: { type: "BAD_REQUEST", message: `Unknown request ${request.type}.` } };
    try {
      const reply = await postJson("verify-buyer", { applicationId, locationId, source: request.source, details: request.details });
      if (!reply.challenge) return reply;
      send({ type: "event", eventType: "show" });
      return await runChallenge(`verify-buyer/challenges/${encodeURIComponent(reply.challenge)}`);
    } catch (err) {
      return { error: { type: "NETWORK_ERROR", message: `Could not reach the local Square: ${err.message}` } };
    }
  });
  send({ type: "ready" });
}
