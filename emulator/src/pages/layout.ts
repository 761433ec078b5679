import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

type Body = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The shell of the emulator's own HTML pages (consent screen, admin console). */
export function page(title: string, body: Body) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Local Square</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1a1a1a; }
      main { max-width: 720px; margin: 40px auto; background: #fff; border-radius: 12px; padding: 28px 32px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
      h1 { font-size: 22px; margin: 0 0 4px; } .muted { color: #666; }
      label { display: block; margin: 6px 0; } select, input[type=text], input[type=number] { font: inherit; padding: 6px 8px; }
      button { font: inherit; padding: 8px 16px; border-radius: 6px; border: 1px solid #bbb; background: #fff; cursor: pointer; }
      button.primary { background: #006aff; border-color: #006aff; color: #fff; }
      table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 6px 8px; border-bottom: 1px solid #eee; }
      fieldset { border: 1px solid #ddd; border-radius: 8px; margin: 16px 0; } .actions { display: flex; gap: 8px; margin-top: 16px; }
      code { background: #f0f0f0; padding: 1px 4px; border-radius: 4px; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}
