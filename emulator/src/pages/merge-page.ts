import { html } from "hono/html";
import { page } from "./layout";
import type { MergeView } from "./merge-view";

/**
 * /_emulator/merge: the Dashboard's "Merge profiles" for a local seller. Plain forms, so it works
 * without JavaScript: pick a seller (GET), tick profiles, merge (POST).
 */
export function mergePage(view: MergeView, error?: string) {
  const preselect = (ids: string[]) =>
    `/_emulator/merge?${new URLSearchParams({ merchant_id: view.merchantId ?? "", customer_ids: ids.join(","), ...(view.returnTo ? { return_to: view.returnTo } : {}) })}`;
  return page(
    "Merge profiles",
    html`<h1>Merge customer profiles</h1>
      <p class="muted">
        What a seller does in Square's Dashboard: the ticked profiles become one new profile (new ID,
        <code>creation_source</code> MERGE); the old profiles are deleted but their IDs keep resolving to it.
        Cards, orders and payments keep the old IDs. <a href="/_emulator">Back to the console</a>
        ${view.returnTo ? html` · <a href="${view.returnTo}">Back to the app</a>` : ""}
      </p>
      ${error ? html`<p role="alert"><strong>Could not merge:</strong> ${error}</p>` : ""}
      ${view.merged
        ? html`<p role="status">Merged into <strong>${view.merged.label}</strong> (<code>${view.merged.id}</code>).</p>`
        : ""}

      <form method="get" action="/_emulator/merge">
        <label for="merchant_id">Seller</label>
        <select id="merchant_id" name="merchant_id">
          ${view.sellers.map(
            (s) => html`<option value="${s.merchantId}" ${s.merchantId === view.merchantId ? "selected" : ""}>${s.businessName}</option>`,
          )}
        </select>
        <label for="q">Find profiles (name, email, phone or ID)</label>
        <input id="q" name="q" type="text" value="${view.query}" />
        ${view.returnTo ? html`<input type="hidden" name="return_to" value="${view.returnTo}" />` : ""}
        <div class="actions"><button type="submit">Show profiles</button></div>
      </form>

      ${view.duplicates.length
        ? html`<h2>Possible duplicates</h2>
            <ul>
              ${view.duplicates.map((d) => html`<li><a href="${preselect(d.ids)}">${d.labels.join(" + ")}</a> <span class="muted">(same ${d.key})</span></li>`)}
            </ul>`
        : ""}

      <form method="post" action="/_emulator/merge">
        <input type="hidden" name="merchant_id" value="${view.merchantId ?? ""}" />
        ${view.returnTo ? html`<input type="hidden" name="return_to" value="${view.returnTo}" />` : ""}
        <fieldset>
          <legend>Profiles to merge</legend>
          ${view.profiles.length
            ? html`<table>
                <thead><tr><th scope="col">Profile</th><th scope="col">Customer ID</th><th scope="col">Created</th><th scope="col">Source</th></tr></thead>
                <tbody>
                  ${view.profiles.map(
                    (p) => html`<tr>
                      <td>
                        <input type="checkbox" id="customer-${p.id}" name="customer_ids" value="${p.id}" ${p.checked ? "checked" : ""} />
                        <label for="customer-${p.id}" style="display:inline">${p.label}${p.email ? ` <${p.email}>` : ""}${p.phone ? ` ${p.phone}` : ""}</label>
                      </td>
                      <td><code>${p.id}</code></td><td>${p.createdAt}</td><td>${p.source}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
              ${view.matched > view.profiles.length
                ? html`<p class="muted">Showing ${view.profiles.length} of ${view.matched}; narrow the list with "Find profiles".</p>`
                : ""}`
            : html`<p class="muted">No profiles${view.query ? " match" : ""}.</p>`}
          <div class="actions"><button class="primary" type="submit">Merge selected profiles</button></div>
        </fieldset>
      </form>`,
  );
}
