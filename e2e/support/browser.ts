import fs from "node:fs";
import { chromium, type LaunchOptions } from "@playwright/test";

// Flags that keep Debian's Chromium quiet on a machine with no internet (see stack-notes).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch options for the e2e browser: Debian's Chromium when present, else Playwright's own
 * download. With neither, fail loudly with how to install one — a missing browser never skips tests.
 */
export function browserLaunchOptions(): LaunchOptions {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (p): p is string => !!p,
  );
  const system = candidates.find((p) => fs.existsSync(p));
  if (system) return { executablePath: system, args: FLAGS };
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && fs.existsSync(bundled)) return { args: FLAGS };
  throw new Error(
    "No Chromium for the end-to-end tests. Install one:\n" +
      "  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n" +
      "  elsewhere:     npx playwright install chromium\n" +
      "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium binary.",
  );
}
