// The `style` option of card()/configure(): the SDK's class selectors with camelCase properties.
const SELECTORS = [
  "input",
  "input.is-focus",
  "input::placeholder",
  "input.is-focus::placeholder",
  "input.is-error",
  "input.is-error::placeholder",
  ".input-container",
  ".input-container.is-focus",
  ".input-container.is-error",
  ".message-text",
  ".message-icon",
  ".message-text.is-error",
  ".message-icon.is-error",
];
const PROPERTIES = ["backgroundColor", "color", "fontFamily", "fontSize", "fontWeight", "borderColor", "borderRadius", "borderWidth"];

const cssName = (property) => property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
// Values become CSS text, so anything that could close the rule is dropped.
const safe = (value) => typeof value === "string" && !/[;{}<>]/.test(value);

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

export function applyStyle(style) {
  const rules = [];
  for (const [selector, properties] of Object.entries(style ?? {})) {
    if (!SELECTORS.includes(selector) || !properties || typeof properties !== "object") continue;
    const declarations = Object.entries(properties)
      .filter(([property, value]) => PROPERTIES.includes(property) && safe(value))
      .map(([property, value]) => `${cssName(property)}: ${value};`);
    if (declarations.length) rules.push(`${selector} { ${declarations.join(" ")} }`);
  }
  sheet.replaceSync(rules.join("\n"));
}
