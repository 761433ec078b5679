import { html } from "hono/html";
import { API_VERSION } from "../webhooks/event-types";
import type { ConsoleView } from "./console-view";
import { page } from "./layout";

/** The admin console at /_emulator: sellers with their data counts, subscriptions, and the admin actions. */
export function consolePage(view: ConsoleView, error?: string) {
  return page(
    "Console",
    html`<h1>Local Square</h1>
      <p class="muted">
        Square API ${API_VERSION} for application <code>${view.applicationId}</code>; data in
        <code>${view.dataDir === "memory" ? "memory (lost on restart)" : view.dataDir}</code>.
      </p>
      ${error ? html`<p role="alert"><strong>Could not do that:</strong> ${error}</p>` : ""}
      ${view.created
        ? html`<p role="status">
            Created <strong>${view.created.businessName}</strong> (<code>${view.created.merchantId}</code>).
            ${view.created.accessToken ? html`Access token: <code>${view.created.accessToken}</code>` : ""}
          </p>`
        : ""}

      <h2>Sellers</h2>
      ${view.sellers.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">Business</th><th scope="col">Merchant ID</th><th scope="col">Location ID</th>
                <th scope="col">Customers</th><th scope="col">Cards</th><th scope="col">Gift cards</th>
                <th scope="col">Orders</th><th scope="col">Payments</th>
              </tr>
            </thead>
            <tbody>
              ${view.sellers.map(
                (s) => html`<tr>
                  <td>${s.businessName}</td><td><code>${s.merchantId}</code></td><td><code>${s.locationId}</code></td>
                  <td>${s.counts.customers}</td><td>${s.counts.cards}</td><td>${s.counts.giftCards}</td>
                  <td>${s.counts.orders}</td><td>${s.counts.payments}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">No sellers yet.</p>`}

      <p><a href="/_emulator/merge">Merge customer profiles</a> (what a seller does in Square's Dashboard)</p>

      <h2>Webhook subscriptions</h2>
      ${view.subscriptions.length
        ? html`<table>
            <thead><tr><th scope="col">Name</th><th scope="col">Notification URL</th><th scope="col">Event types</th><th scope="col">Enabled</th></tr></thead>
            <tbody>
              ${view.subscriptions.map(
                (s) => html`<tr><td>${s.name}</td><td><code>${s.url}</code></td><td>${s.eventTypes}</td><td>${s.enabled ? "yes" : "no"}</td></tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">None.</p>`}

      <form method="post" action="/_emulator/merchants">
        <fieldset>
          <legend>Create a seller</legend>
          <label for="business_name">Business name</label>
          <input id="business_name" name="business_name" type="text" maxlength="255" placeholder="Seller ABCDE" />
          <label for="country">Country (two letters)</label>
          <input id="country" name="country" type="text" value="US" minlength="2" maxlength="2" required />
          <div class="actions"><button class="primary" type="submit">Create seller</button></div>
        </fieldset>
      </form>

      <form method="post" action="/_emulator/reset">
        <fieldset>
          <legend>Reset</legend>
          <p class="muted">Deletes every seller, token and object, then restores the configured webhook subscription.</p>
          <label><input type="checkbox" name="demo" value="true" checked /> Restore the demo seller</label>
          <div class="actions"><button type="submit">Reset all data</button></div>
        </fieldset>
      </form>`,
  );
}
