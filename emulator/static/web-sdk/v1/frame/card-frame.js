// The card / gift card iframe: renders the fields, answers the seller page's requests, and
// sends the typed card only to the emulator, which answers with the SDK's TokenResult.
import { runChallenge } from "./challenge.js";
import { createFields } from "./fields.js";
import { applicationId, embeddedCorrectly, locationId, onRequest, postJson, reportSize, send } from "./parent-link.js";

const kind = new URLSearchParams(location.search).get("kind") === "giftCard" ? "giftCard" : "card";
document.title = kind === "giftCard" ? "Gift card payment form" : "Card payment form";
const message = document.getElementById("message");

const networkError = (err) => ({ status: "Error", errors: [{ type: "NETWORK_ERROR", message: `Could not reach the local Square: ${err.message}` }] });

if (embeddedCorrectly()) start();
else message.textContent = "This payment form only works inside the page that created it.";

function start() {
  const fields = createFields(document.getElementById("fields"), kind, (eventType, detail) => send({ type: "event", eventType, detail }));
  const measure = reportSize();

  const show = (result) => {
    if (result.status === "Invalid") fields.markErrors(result.errors);
    message.classList.toggle("is-error", result.status !== "OK");
    message.textContent = result.status === "OK" ? "" : (result.errors?.[0]?.message ?? "");
    return result;
  };

  async function tokenize(verificationDetails) {
    const problems = fields.validateAll();
    if (problems.length) return show({ status: "Invalid", errors: problems });
    const body = { applicationId, locationId, method: kind, [kind]: fields.values() };
    if (kind === "card" && verificationDetails !== undefined) body.verificationDetails = verificationDetails;
    try {
      let reply = await postJson("tokenize", body);
      if (reply.challenge) reply = await runChallenge(`tokenize/challenges/${encodeURIComponent(reply.challenge)}`);
      return show(reply.result);
    } catch (err) {
      return show(networkError(err));
    }
  }

  onRequest(async (request) => {
    switch (request.type) {
      case "configure":
        fields.configure(request.options ?? {});
        return true;
      case "focus":
        return fields.focus(request.field);
      case "setError":
        return fields.setError(request.field);
      case "clear":
        fields.clear();
        message.textContent = "";
        return true;
      case "measure":
        measure();
        return true;
      case "tokenize":
        return tokenize(request.verificationDetails);
      default:
        return false;
    }
  });
  send({ type: "ready" });
}
