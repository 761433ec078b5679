// The 3-D Secure challenge: a dialog inside the emulator's iframe asking for the issuer's code.
import { postJson } from "./parent-link.js";

function build() {
  const dialog = document.createElement("dialog");
  dialog.id = "challenge";
  dialog.setAttribute("aria-labelledby", "challenge-title");
  dialog.innerHTML = `
    <form novalidate>
      <h2 id="challenge-title">Confirm it's you</h2>
      <p class="hint">Your card issuer sent a verification code. In the local Square the code is 123456.</p>
      <label for="verification-code">Verification code</label>
      <input id="verification-code" name="code" inputmode="numeric" autocomplete="one-time-code" />
      <p class="message-text is-error" role="alert"></p>
      <div class="actions">
        <button type="submit" class="primary">Verify</button>
        <button type="button" data-action="cancel">Cancel</button>
      </div>
    </form>`;
  document.body.appendChild(dialog);
  return dialog;
}

/**
 * Shows the challenge and resolves with the server's answer to the buyer's code (or to Cancel).
 * `endpoint` is the challenge's URL relative to this page.
 */
export function runChallenge(endpoint) {
  const dialog = document.getElementById("challenge") ?? build();
  const form = dialog.querySelector("form");
  const input = dialog.querySelector("input");
  const message = dialog.querySelector(".message-text");
  const buttons = dialog.querySelectorAll("button");
  input.value = "";
  message.textContent = "";
  buttons.forEach((button) => (button.disabled = false));
  document.body.classList.add("challenging");
  dialog.show();
  input.focus();

  return new Promise((resolve, reject) => {
    const finish = async (answer) => {
      buttons.forEach((button) => (button.disabled = true));
      form.onsubmit = null;
      form.querySelector("[data-action=cancel]").onclick = null;
      try {
        resolve(await postJson(endpoint, answer));
      } catch (err) {
        reject(err);
      } finally {
        dialog.close();
        document.body.classList.remove("challenging");
      }
    };
    form.onsubmit = (event) => {
      event.preventDefault();
      if (!input.value.trim()) {
        message.textContent = "Enter the verification code.";
        return;
      }
      void finish({ code: input.value });
    };
    form.querySelector("[data-action=cancel]").onclick = () => void finish({ cancel: true });
  });
}
