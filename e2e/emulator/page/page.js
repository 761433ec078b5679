// A seller's checkout page in miniature: the real loader from node_modules, pointed at the local Square.
import { payments } from "/node_modules/@square/web-sdk/dist/index.js";

const query = new URLSearchParams(location.search);
const result = document.getElementById("result");
const events = document.getElementById("events");
const verification = document.getElementById("verification");
const CARD_EVENTS = ["cardBrandChanged", "errorClassAdded", "errorClassRemoved", "focusClassAdded", "focusClassRemoved", "postalCodeChanged", "submit", "escape"];

const details = () => {
  const intent = verification.value;
  if (!intent) return undefined;
  const common = { intent, billingContact: { givenName: "Ada", familyName: "Lovelace", postalCode: "94103" }, customerInitiated: true, sellerKeyedIn: false };
  return intent === "STORE" ? common : { ...common, amount: "12.50", currencyCode: "USD" };
};

async function run(action) {
  result.textContent = "";
  try {
    result.textContent = JSON.stringify(await action());
  } catch (err) {
    result.textContent = JSON.stringify({ thrown: err.name, message: err.message });
  }
}

const sdk = await payments(query.get("app"), query.get("location"), { scriptSrc: query.get("sdk") });
const card = await sdk.card(query.has("postal") ? { postalCode: query.get("postal") } : undefined);
await card.attach("#card-container");
for (const type of CARD_EVENTS)
  card.addEventListener(type, (event) => events.append(JSON.stringify({ type: event.type, field: event.detail.field, cardBrand: event.detail.cardBrand, detail: event.detail }) + "\n"));
const giftCard = await sdk.giftCard();
await giftCard.attach("#gift-card-container");

let lastToken;
document.getElementById("pay").addEventListener("click", () =>
  run(async () => {
    const tokenResult = await card.tokenize(details());
    if (tokenResult.status === "OK") lastToken = tokenResult.token;
    return tokenResult;
  }),
);
document.getElementById("verify-buyer").addEventListener("click", () => run(() => sdk.verifyBuyer(lastToken, details())));
document.getElementById("pay-gift-card").addEventListener("click", () => run(() => giftCard.tokenize()));
window.checkout = { sdk, card, giftCard };
document.body.dataset.ready = "true";
